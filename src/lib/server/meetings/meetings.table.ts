import type { Generated } from 'kysely';

/** Tables of the meetings context (migration 0006). Wall-clock times are Europe/Berlin. */

export const MEETING_STATUSES = ['planned', 'cancelled'] as const;

export interface MeetingsTable {
	id: Generated<number>;
	networkId: number;
	uid: string;
	sequence: Generated<number>;
	title: string;
	startsAt: string;
	endsAt: string;
	location: string | null;
	onlineUrl: string | null;
	description: Generated<string>;
	status: (typeof MEETING_STATUSES)[number];
	invitationsSentAt: string | null;
	minutesReleasedAt: string | null;
	createdAt: string;
	updatedAt: string;
}

export interface AgendaItemsTable {
	id: Generated<number>;
	meetingId: number;
	position: number;
	title: string;
	presenter: string | null;
	presenterContactId: number | null;
	/** Wall-clock start of the item's time slot. */
	startsAt: string | null;
	durationMinutes: number | null;
	/** Markdown. */
	minutes: Generated<string>;
}

export const RSVP_RESPONSES = ['yes', 'no', 'maybe'] as const;

export const ATTENDANCE = ['present', 'excused', 'absent'] as const;

export interface MeetingInviteesTable {
	id: Generated<number>;
	meetingId: number;
	contactId: number;
	tokenHash: string;
	response: (typeof RSVP_RESPONSES)[number] | null;
	respondedAt: string | null;
	attendance: (typeof ATTENDANCE)[number] | null;
	invitedAt: string;
	/** The newest meeting mail queued for this person (migration 0008); null before. */
	lastMailId: Generated<number | null>;
}

export interface CalendarFeedsTable {
	id: Generated<number>;
	tokenHash: string;
	networkId: number | null;
	contactId: number | null;
	createdBy: number | null;
	createdAt: string;
	revokedAt: string | null;
}
