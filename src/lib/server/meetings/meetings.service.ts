import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../accounts/authorization.js';
import { recordAudit } from '../accounts/audit.service.js';
import type { DB, Db } from '../db/schema.js';
import { nthWeekdayOf, parseRecurrence } from '../../shared/time/recurrence.js';
import { berlinNow } from '../../shared/time/berlin-clock.js';
import { addDays, daysBetween } from '../../shared/time/wall-clock.js';
import { queueInvitationMails, type InvitationKind, type MailContext } from './invitation-mail.js';
import { findInvitees } from './invitees.repository.js';
import type { CalendarMeeting } from './meeting-ics.js';
import {
	deleteAgendaItems,
	findAgendaRows,
	findMeetingRow,
	findMeetingRowsOfNetworks,
	insertAgendaItem,
	insertMeeting,
	updateAgendaItem,
	updateMeetingRow,
	type MeetingRow
} from './meetings.repository.js';
import {
	meetingInputSchema,
	meetingSeriesSchema,
	SERIES_MONTHS,
	type MeetingInput,
	type MeetingSeries,
	type ValidMeeting
} from './meetings.schema.js';
import { authorizeInNetwork, canInNetwork } from '../networks/network-access.js';
import { MeetingNotFoundError, MeetingStateError } from './meetings.errors.js';
import { parseOrThrow } from '../networks/networks.schema.js';
import { networkScope, type NetworkActor } from '../networks/networks.service.js';

/** Meetings of a network with their agenda; invitations, updates and cancellations by mail. */

export interface AgendaItem {
	id: number;
	title: string;
	/** The free-text presenter, or the directory person's name; null for an erased person. */
	presenter: string | null;
	presenterText: string | null;
	presenterContactId: number | null;
	startsAt: string | null;
	durationMinutes: number | null;
}

export interface MeetingDetail extends CalendarMeeting {
	id: number;
	networkId: number;
	districtId: number;
	invitationsSentAt: string | null;
	minutesReleasedAt: string | null;
	agenda: AgendaItem[];
	/** The meeting has begun (Europe/Berlin): answers close, invitations are no longer sent. */
	started: boolean;
	canManage: boolean;
}

export interface MeetingSummary {
	id: number;
	title: string;
	startsAt: string;
	endsAt: string;
	status: 'planned' | 'cancelled';
	invitationsSentAt: string | null;
}

async function agendaOf(db: Db, meetingIds: readonly number[]) {
	const rows = await findAgendaRows(db, meetingIds);
	return rows.map((row) => ({
		meetingId: row.meetingId,
		item: {
			id: row.id,
			title: row.title,
			presenter:
				row.presenterContactId !== null
					? row.presenterAnonymisedAt
						? null
						: row.presenterContactName
					: row.presenter,
			presenterText: row.presenter,
			presenterContactId: row.presenterContactId,
			startsAt: row.startsAt,
			durationMinutes: row.durationMinutes
		} satisfies AgendaItem
	}));
}

function detailOf(
	row: MeetingRow,
	agenda: AgendaItem[],
	now: Date
): Omit<MeetingDetail, 'canManage'> {
	return {
		id: row.id,
		networkId: row.networkId,
		districtId: row.districtId,
		uid: row.uid,
		sequence: row.sequence,
		networkName: row.networkName,
		title: row.title,
		startsAt: row.startsAt,
		endsAt: row.endsAt,
		location: row.location,
		onlineUrl: row.onlineUrl,
		description: row.description,
		status: row.status,
		updatedAt: row.updatedAt,
		invitationsSentAt: row.invitationsSentAt,
		minutesReleasedAt: row.minutesReleasedAt,
		agenda,
		started: berlinNow(now) >= row.startsAt
	};
}

/** A meeting with its agenda, without an access check: for mails, feeds and RSVP pages. */
export async function loadMeeting(
	db: Db,
	meetingId: number,
	now = new Date()
): Promise<Omit<MeetingDetail, 'canManage'>> {
	const row = await findMeetingRow(db, meetingId);
	if (!row) throw new MeetingNotFoundError(meetingId);
	const agenda = (await agendaOf(db, [meetingId])).map((entry) => entry.item);
	return detailOf(row, agenda, now);
}

/** Meetings of several networks with their agendas, earliest first (feeds). */
export async function loadMeetingsOfNetworks(
	db: Db,
	networkIds: readonly number[],
	now = new Date()
): Promise<Omit<MeetingDetail, 'canManage'>[]> {
	const rows = await findMeetingRowsOfNetworks(db, networkIds);
	const agenda = await agendaOf(
		db,
		rows.map((row) => row.id)
	);
	return rows.map((row) =>
		detailOf(
			row,
			agenda.filter((entry) => entry.meetingId === row.id).map((entry) => entry.item),
			now
		)
	);
}

export async function getMeeting(
	db: Db,
	actor: Actor,
	meetingId: number,
	now = new Date()
): Promise<MeetingDetail> {
	const meeting = await loadMeeting(db, meetingId, now);
	const scope = await networkScope(db, meeting.networkId, now);
	authorizeInNetwork(actor, 'read', scope);
	return { ...meeting, canManage: canInNetwork(actor, 'manage', scope) };
}

export async function listNetworkMeetings(
	db: Db,
	actor: Actor,
	networkId: number,
	now = new Date()
): Promise<MeetingSummary[]> {
	authorizeInNetwork(actor, 'read', await networkScope(db, networkId, now));
	const rows = await findMeetingRowsOfNetworks(db, [networkId]);
	return rows.map((row) => ({
		id: row.id,
		title: row.title,
		startsAt: row.startsAt,
		endsAt: row.endsAt,
		status: row.status,
		invitationsSentAt: row.invitationsSentAt
	}));
}

async function writeAgenda(trx: Transaction<DB>, meetingId: number, meeting: ValidMeeting) {
	const existing = new Set((await findAgendaRows(trx, [meetingId])).map((row) => row.id));
	const kept = meeting.agenda.flatMap((item) =>
		item.id && existing.has(item.id) ? [item.id] : []
	);
	await deleteAgendaItems(trx, meetingId, kept);
	for (const [index, { id, ...item }] of meeting.agenda.entries()) {
		if (id && existing.has(id)) await updateAgendaItem(trx, meetingId, id, index + 1, item);
		else await insertAgendaItem(trx, meetingId, index + 1, item);
	}
}

const fieldsOf = (meeting: ValidMeeting) => ({
	title: meeting.title,
	startsAt: meeting.startsAt,
	endsAt: meeting.endsAt,
	location: meeting.location,
	onlineUrl: meeting.onlineUrl,
	description: meeting.description
});

export async function createMeeting(
	db: Kysely<DB>,
	actor: NetworkActor,
	networkId: number,
	input: MeetingInput,
	now = new Date()
): Promise<number> {
	const [id] = await createMeetingSeries(db, actor, networkId, input, null, now);
	return id!;
}

/**
 * Plans a meeting, or a series of them on the same weekday of the month — networks meet
 * regularly. Each meeting of a series is a meeting of its own (own UID, invitations, minutes)
 * with the same times and agenda; Berlin wall-clock times stay put across daylight saving.
 */
export async function createMeetingSeries(
	db: Kysely<DB>,
	actor: NetworkActor,
	networkId: number,
	input: MeetingInput,
	series: MeetingSeries | null,
	now = new Date()
): Promise<number[]> {
	authorizeInNetwork(actor, 'manage', await networkScope(db, networkId, now));
	const first = parseOrThrow(meetingInputSchema, input);
	const repeat =
		series && series.every !== 'none' ? parseOrThrow(meetingSeriesSchema, series) : null;
	const meetings = repeat ? seriesOf(first, SERIES_MONTHS[repeat.every], repeat.count) : [first];
	return db.transaction().execute(async (trx) => {
		const ids: number[] = [];
		for (const meeting of meetings) {
			const id = await insertMeeting(trx, {
				networkId,
				uid: `meeting-${randomUUID()}@kitz`,
				createdAt: now.toISOString(),
				...fieldsOf(meeting)
			});
			await writeAgenda(trx, id, meeting);
			await recordAudit(
				trx,
				{
					districtId: actor.districtId,
					userId: actor.id,
					action: 'meeting.create',
					entity: 'meeting',
					entityId: id,
					after: meeting
				},
				now
			);
			ids.push(id);
		}
		return ids;
	});
}

/** The first meeting and its repetitions every `months` months on the same nth weekday. */
function seriesOf(first: ValidMeeting, months: number, count: number): ValidMeeting[] {
	const rule = `FREQ=MONTHLY;INTERVAL=${months};BYDAY=${nthWeekdayOf(first.startsAt)};COUNT=${count}`;
	return parseRecurrence(rule, first.startsAt)
		.between(first.startsAt, addDays(first.startsAt, 366 * 3), count)
		.map((startsAt) => {
			const days = daysBetween(first.startsAt, startsAt);
			return {
				...first,
				startsAt,
				endsAt: addDays(first.endsAt, days),
				agenda: first.agenda.map((item) => ({
					...item,
					startsAt: item.startsAt && addDays(item.startsAt, days)
				}))
			};
		});
}

async function authorizeManage(db: Db, actor: Actor, meetingId: number, now: Date) {
	const meeting = await loadMeeting(db, meetingId, now);
	authorizeInNetwork(actor, 'manage', await networkScope(db, meeting.networkId, now));
	return meeting;
}

/** Re-reads the meeting in the transaction and mails everyone invited; returns how many. */
async function notifyAll(
	trx: Transaction<DB>,
	meetingId: number,
	kind: InvitationKind,
	context: MailContext,
	now: Date
): Promise<number> {
	const meeting = await loadMeeting(trx, meetingId, now);
	const invitees = (await findInvitees(trx, meetingId)).flatMap((row) =>
		row.email && !row.anonymisedAt ? [{ id: row.id, name: row.name, email: row.email }] : []
	);
	return queueInvitationMails(trx, meeting, invitees, kind, context, now);
}

/**
 * Saves the meeting. Once invitations went out and until it starts, a change of date, time or
 * place raises the SEQUENCE and mails the update to everyone invited (same UID), so calendars
 * move the entry.
 */
export async function updateMeeting(
	db: Kysely<DB>,
	actor: NetworkActor,
	meetingId: number,
	input: MeetingInput,
	context: MailContext,
	now = new Date()
): Promise<{ notified: number }> {
	const before = await authorizeManage(db, actor, meetingId, now);
	if (before.status === 'cancelled') throw new MeetingStateError('cancelled');
	const meeting = parseOrThrow(meetingInputSchema, input);
	const moved =
		before.startsAt !== meeting.startsAt ||
		before.endsAt !== meeting.endsAt ||
		before.location !== meeting.location ||
		before.onlineUrl !== meeting.onlineUrl;
	// Correcting the record of a meeting that has taken place mails no one.
	const notify = moved && before.invitationsSentAt !== null && !before.started;
	return db.transaction().execute(async (trx) => {
		await updateMeetingRow(trx, meetingId, {
			...fieldsOf(meeting),
			updatedAt: now.toISOString(),
			...(notify ? { sequence: before.sequence + 1 } : {})
		});
		await writeAgenda(trx, meetingId, meeting);
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'meeting.update',
				entity: 'meeting',
				entityId: meetingId,
				before,
				after: meeting
			},
			now
		);
		return { notified: notify ? await notifyAll(trx, meetingId, 'update', context, now) : 0 };
	});
}

/** Sends the current state to everyone invited as an update (e.g. after agenda changes). */
export async function sendMeetingUpdate(
	db: Kysely<DB>,
	actor: NetworkActor,
	meetingId: number,
	context: MailContext,
	now = new Date()
): Promise<{ notified: number }> {
	const meeting = await authorizeManage(db, actor, meetingId, now);
	if (meeting.status === 'cancelled') throw new MeetingStateError('cancelled');
	if (!meeting.invitationsSentAt) throw new MeetingStateError('not_invited');
	return db.transaction().execute(async (trx) => {
		await updateMeetingRow(trx, meetingId, {
			sequence: meeting.sequence + 1,
			updatedAt: now.toISOString()
		});
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'meeting.send_update',
				entity: 'meeting',
				entityId: meetingId,
				after: { sequence: meeting.sequence + 1 }
			},
			now
		);
		return { notified: await notifyAll(trx, meetingId, 'update', context, now) };
	});
}

/** Cancels: STATUS:CANCELLED with METHOD:CANCEL, SEQUENCE+1 and the same UID to everyone invited. */
export async function cancelMeeting(
	db: Kysely<DB>,
	actor: NetworkActor,
	meetingId: number,
	context: MailContext,
	now = new Date()
): Promise<{ notified: number }> {
	const meeting = await authorizeManage(db, actor, meetingId, now);
	if (meeting.status === 'cancelled') throw new MeetingStateError('cancelled');
	return db.transaction().execute(async (trx) => {
		await updateMeetingRow(trx, meetingId, {
			status: 'cancelled',
			sequence: meeting.sequence + 1,
			updatedAt: now.toISOString()
		});
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'meeting.cancel',
				entity: 'meeting',
				entityId: meetingId,
				before: { status: meeting.status },
				after: { status: 'cancelled' }
			},
			now
		);
		return { notified: await notifyAll(trx, meetingId, 'cancellation', context, now) };
	});
}
