import type { Generated } from 'kysely';

/** Tables of the network context (migration 0006). Wall-clock times are Europe/Berlin. */

export interface ProcessingPurposesTable {
	id: Generated<number>;
	districtId: number;
	key: string;
	name: string;
	description: string;
	legalBasis: string;
	dataCategories: string;
	retention: string;
	createdAt: string;
	updatedAt: string;
}

export interface ContactsTable {
	id: Generated<number>;
	districtId: number;
	organisationId: number | null;
	name: string;
	roleTitle: string | null;
	email: string | null;
	phone: string | null;
	/** Comma-separated ISO 639-1 codes. */
	languages: Generated<string>;
	/** Comma-separated action-field codes. */
	actionFields: Generated<string>;
	notes: string | null;
	createdAt: string;
	updatedAt: string;
	anonymisedAt: string | null;
}

export interface ContactConsentsTable {
	id: Generated<number>;
	contactId: number;
	purposeId: number;
	givenOn: string;
	/** How consent was given: written, email, oral, … */
	source: string;
	withdrawnOn: string | null;
	recordedBy: number | null;
	recordedAt: string;
}

export interface NetworksTable {
	id: Generated<number>;
	districtId: number;
	slug: string;
	name: string;
	description: Generated<string>;
	coordinatingOrganisationId: number | null;
	createdAt: string;
	updatedAt: string;
	archivedAt: string | null;
}

export interface NetworkActionFieldsTable {
	networkId: number;
	actionField: string;
}

export const MEMBER_ROLES = ['speaker', 'member', 'guest'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Exactly one of organisationId and contactId is set. */
export interface NetworkMembersTable {
	id: Generated<number>;
	networkId: number;
	organisationId: number | null;
	contactId: number | null;
	role: MemberRole;
	joinedOn: string;
	leftOn: string | null;
}

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

export interface DecisionsTable {
	id: Generated<number>;
	meetingId: number;
	agendaItemId: number | null;
	position: number;
	text: string;
}

export const TASK_KINDS = ['task', 'planned_offer'] as const;
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;

export interface TasksTable {
	id: Generated<number>;
	districtId: number;
	networkId: number | null;
	meetingId: number | null;
	agendaItemId: number | null;
	kind: (typeof TASK_KINDS)[number];
	title: string;
	description: Generated<string>;
	actionField: string | null;
	ownerContactId: number | null;
	ownerOrganisationId: number | null;
	dueOn: string | null;
	status: (typeof TASK_STATUSES)[number];
	offerId: number | null;
	createdAt: string;
	updatedAt: string;
	doneAt: string | null;
	remindedAt: string | null;
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
