import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import {
	insertInvitee,
	setAttendance,
	setResponse,
	type Attendance,
	type RsvpResponse
} from '../../src/lib/server/meetings/invitees.repository.js';
import {
	findAgendaRows,
	insertAgendaItem,
	insertMeeting,
	updateMeetingRow
} from '../../src/lib/server/meetings/meetings.repository.js';

/**
 * The one way tests make a meeting: through the meetings context's write path (no access check,
 * no audit, no mail), with agenda, invitees, their answers and attendance.
 */
let sequence = 0;
const stamp = () => new Date().toISOString();
const unique = () => `${++sequence}-${Math.random().toString(36).slice(2, 8)}`;

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
	const startsAt = meeting.startsAt ?? '2026-11-10T14:00';
	const key = unique();
	const createdAt = stamp();
	const id = await insertMeeting(db, {
		networkId: meeting.networkId,
		uid: `meeting-${key}@kitz.test`,
		title: meeting.title ?? `Treffen ${sequence}`,
		startsAt,
		endsAt: meeting.endsAt ?? startsAt.replace(/T\d\d/, 'T16'),
		location: meeting.location === undefined ? 'Kreishaus Schleswig, Raum 2' : meeting.location,
		onlineUrl: null,
		description: '',
		createdAt
	});
	if (meeting.invitationsSent)
		await updateMeetingRow(db, id, { updatedAt: createdAt, invitationsSentAt: createdAt });
	for (const [index, item] of (meeting.agenda ?? ['Begrüßung', 'Berichte']).entries()) {
		const { title, ...details } = typeof item === 'string' ? { title: item } : item;
		await insertAgendaItem(db, id, index + 1, {
			title,
			presenter: details.presenter ?? null,
			presenterContactId: details.presenterContactId ?? null,
			startsAt: null,
			durationMinutes: details.durationMinutes ?? null
		});
	}
	for (const invitee of meeting.invitees ?? []) {
		const inviteeId = await insertInvitee(db, {
			meetingId: id,
			contactId: invitee.contactId,
			tokenHash: `token-${key}-${invitee.contactId}`,
			invitedAt: createdAt
		});
		if (inviteeId === undefined) throw new Error(`contact ${invitee.contactId} invited twice`);
		if (invitee.response) await setResponse(db, inviteeId, invitee.response, createdAt);
		if (invitee.attendance) await setAttendance(db, id, inviteeId, invitee.attendance);
	}
	const items = (await findAgendaRows(db, [id])).map((item) => item.id);
	return { id, items };
}
