import type { Db } from '../db/schema.js';
import type { MeetingsTable } from './meetings.table.js';

const MEETING_COLUMNS = [
	'meetings.id',
	'meetings.networkId',
	'meetings.uid',
	'meetings.sequence',
	'meetings.title',
	'meetings.startsAt',
	'meetings.endsAt',
	'meetings.location',
	'meetings.onlineUrl',
	'meetings.description',
	'meetings.status',
	'meetings.invitationsSentAt',
	'meetings.minutesReleasedAt',
	'meetings.updatedAt',
	'networks.name as networkName',
	'networks.districtId'
] as const;

export interface MeetingFields {
	title: string;
	startsAt: string;
	endsAt: string;
	location: string | null;
	onlineUrl: string | null;
	description: string;
}

export async function insertMeeting(
	db: Db,
	row: MeetingFields & { networkId: number; uid: string; createdAt: string }
): Promise<number> {
	const inserted = await db
		.insertInto('meetings')
		.values({
			...row,
			sequence: 0,
			status: 'planned',
			invitationsSentAt: null,
			minutesReleasedAt: null,
			updatedAt: row.createdAt
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return inserted.id;
}

export async function updateMeetingRow(
	db: Db,
	meetingId: number,
	row: Partial<MeetingFields> & {
		updatedAt: string;
		sequence?: number;
		status?: MeetingsTable['status'];
		invitationsSentAt?: string;
	}
): Promise<void> {
	await db.updateTable('meetings').set(row).where('id', '=', meetingId).execute();
}

export async function findMeetingRow(db: Db, meetingId: number) {
	return db
		.selectFrom('meetings')
		.innerJoin('networks', 'networks.id', 'meetings.networkId')
		.select(MEETING_COLUMNS)
		.where('meetings.id', '=', meetingId)
		.executeTakeFirst();
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeetingRow>>>;

export async function findMeetingRowsOfNetworks(db: Db, networkIds: readonly number[]) {
	if (!networkIds.length) return [];
	return db
		.selectFrom('meetings')
		.innerJoin('networks', 'networks.id', 'meetings.networkId')
		.select(MEETING_COLUMNS)
		.where('meetings.networkId', 'in', networkIds)
		.orderBy('meetings.startsAt')
		.execute();
}

export async function findMeetingRowsById(db: Db, meetingIds: readonly number[]) {
	if (!meetingIds.length) return [];
	return db
		.selectFrom('meetings')
		.innerJoin('networks', 'networks.id', 'meetings.networkId')
		.select(MEETING_COLUMNS)
		.where('meetings.id', 'in', meetingIds)
		.orderBy('meetings.startsAt')
		.execute();
}

export async function findAgendaRows(db: Db, meetingIds: readonly number[]) {
	if (!meetingIds.length) return [];
	return db
		.selectFrom('agendaItems')
		.leftJoin('contacts', 'contacts.id', 'agendaItems.presenterContactId')
		.select([
			'agendaItems.id',
			'agendaItems.meetingId',
			'agendaItems.position',
			'agendaItems.title',
			'agendaItems.presenter',
			'agendaItems.presenterContactId',
			'contacts.name as presenterContactName',
			'contacts.anonymisedAt as presenterAnonymisedAt',
			'agendaItems.startsAt',
			'agendaItems.durationMinutes'
		])
		.where('agendaItems.meetingId', 'in', meetingIds)
		.orderBy('agendaItems.meetingId')
		.orderBy('agendaItems.position')
		.execute();
}

export interface AgendaRow {
	title: string;
	presenter: string | null;
	presenterContactId: number | null;
	startsAt: string | null;
	durationMinutes: number | null;
}

export async function insertAgendaItem(
	db: Db,
	meetingId: number,
	position: number,
	item: AgendaRow
): Promise<void> {
	await db
		.insertInto('agendaItems')
		.values({ meetingId, position, ...item })
		.execute();
}

/** Updates an item in place, so minutes, decisions and tasks attached to it stay attached. */
export async function updateAgendaItem(
	db: Db,
	meetingId: number,
	itemId: number,
	position: number,
	item: AgendaRow
): Promise<void> {
	await db
		.updateTable('agendaItems')
		.set({ position, ...item })
		.where('id', '=', itemId)
		.where('meetingId', '=', meetingId)
		.execute();
}

export async function deleteAgendaItems(
	db: Db,
	meetingId: number,
	keepIds: readonly number[]
): Promise<void> {
	let query = db.deleteFrom('agendaItems').where('meetingId', '=', meetingId);
	if (keepIds.length) query = query.where('id', 'not in', keepIds);
	await query.execute();
}

/**
 * Every network of the district with the meetings that took place in a window of wall-clock
 * times (`from` included, `until` not; cancelled ones never took place) and the attendances
 * recorded for them.
 */
export async function countMeetingsHeld(
	db: Db,
	districtId: number,
	window: { from: string; until: string }
) {
	return db
		.selectFrom('networks')
		.leftJoin('meetings', (join) =>
			join
				.onRef('meetings.networkId', '=', 'networks.id')
				.on('meetings.status', '=', 'planned')
				.on('meetings.startsAt', '>=', window.from)
				.on('meetings.startsAt', '<', window.until)
		)
		.leftJoin('meetingInvitees', (join) =>
			join
				.onRef('meetingInvitees.meetingId', '=', 'meetings.id')
				.on('meetingInvitees.attendance', '=', 'present')
		)
		.select([
			'networks.id',
			'networks.name',
			'networks.createdAt',
			'networks.archivedAt',
			(eb) => eb.fn.count<number>('meetings.id').distinct().as('meetings'),
			(eb) => eb.fn.count<number>('meetingInvitees.id').as('present')
		])
		.where('networks.districtId', '=', districtId)
		.groupBy(['networks.id', 'networks.name', 'networks.createdAt', 'networks.archivedAt'])
		.execute();
}
