import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import { hashToken, newToken } from '../../src/lib/server/meetings/invitation-mail.js';
import { answerRsvp, saveAttendance } from '../../src/lib/server/meetings/invitations.service.js';
import {
	insertInvitee,
	type Attendance,
	type RsvpResponse
} from '../../src/lib/server/meetings/invitees.repository.js';
import { updateMeetingRow } from '../../src/lib/server/meetings/meetings.repository.js';
import { createMeeting, loadMeeting } from '../../src/lib/server/meetings/meetings.service.js';
import { networkScope } from '../../src/lib/server/networks/networks.service.js';
import { berlinInstant } from '../../src/lib/shared/time/berlin-clock.js';
import { factoryEditor } from './account.factory.js';

/**
 * The one way tests make a meeting: through the meetings services as the district's
 * administrator (validated, audited), with agenda, invitees, their answers and attendance.
 */
let sequence = 0;

export interface TestMeeting {
	id: number;
	/** Agenda item ids in order. */
	items: number[];
}

export interface TestAgendaItem {
	title: string;
	presenter?: string | null;
	presenterContactId?: number | null;
	durationMinutes?: number | null;
}

export interface TestInvitee {
	contactId: number;
	response?: RsvpResponse | null;
	attendance?: Attendance | null;
}

export async function createTestMeeting(
	db: Kysely<DB>,
	meeting: {
		networkId: number;
		title?: string;
		startsAt?: string;
		endsAt?: string;
		location?: string | null;
		/** `Begrüßung`, `Berichte` unless given. */
		agenda?: (string | TestAgendaItem)[];
		invitees?: TestInvitee[];
		/** Marks the invitations as sent (no mail is written). */
		invitationsSent?: boolean;
	}
): Promise<TestMeeting> {
	sequence++;
	const startsAt = meeting.startsAt ?? '2026-11-10T14:00';
	const { districtId } = await networkScope(db, meeting.networkId);
	const editor = await factoryEditor(db, districtId);
	const id = await createMeeting(db, editor, meeting.networkId, {
		title: meeting.title ?? `Treffen ${sequence}`,
		startsAt,
		endsAt: meeting.endsAt ?? startsAt.replace(/T\d\d/, 'T16'),
		location: meeting.location === undefined ? 'Kreishaus Schleswig, Raum 2' : meeting.location,
		onlineUrl: null,
		description: '',
		agenda: (meeting.agenda ?? ['Begrüßung', 'Berichte']).map((item) => {
			const { title, ...details } = typeof item === 'string' ? { title: item } : item;
			return {
				title,
				presenter: details.presenter ?? null,
				presenterContactId: details.presenterContactId ?? null,
				startsAt: null,
				durationMinutes: details.durationMinutes ?? null
			};
		})
	});
	const invitedAt = new Date().toISOString();
	// The invitation service invites whoever is eligible today and mails them; tests name their
	// invitees (some no longer eligible, e.g. without consent), so these two writes stay direct.
	if (meeting.invitationsSent)
		await updateMeetingRow(db, id, { updatedAt: invitedAt, invitationsSentAt: invitedAt });
	// Answers close when the meeting begins: the invitees answer the day before.
	const dayBefore = new Date(berlinInstant(startsAt).getTime() - 86_400_000);
	const attendance: { inviteeId: number; attendance: Attendance }[] = [];
	for (const invitee of meeting.invitees ?? []) {
		const token = newToken();
		const inviteeId = await insertInvitee(db, {
			meetingId: id,
			contactId: invitee.contactId,
			tokenHash: hashToken(token),
			invitedAt
		});
		if (inviteeId === undefined) throw new Error(`contact ${invitee.contactId} invited twice`);
		if (invitee.response) await answerRsvp(db, token, invitee.response, dayBefore);
		if (invitee.attendance) attendance.push({ inviteeId, attendance: invitee.attendance });
	}
	if (attendance.length) await saveAttendance(db, editor, id, attendance);
	return { id, items: (await loadMeeting(db, id)).agenda.map((item) => item.id) };
}
