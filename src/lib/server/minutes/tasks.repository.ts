import type { Insertable } from 'kysely';
import type { Db } from '../db/schema.js';
import type { TasksTable } from './minutes.table.js';

export const OPEN_STATUSES = ['open', 'in_progress'] as const;

/** Tasks with their network, origin meeting and owner's name, for lists and documents. */
function tasksWithNames(db: Db) {
	return db
		.selectFrom('tasks')
		.leftJoin('networks', 'networks.id', 'tasks.networkId')
		.leftJoin('meetings', 'meetings.id', 'tasks.meetingId')
		.leftJoin(
			'organisations as ownerOrganisation',
			'ownerOrganisation.id',
			'tasks.ownerOrganisationId'
		)
		.leftJoin('contacts as ownerContact', 'ownerContact.id', 'tasks.ownerContactId')
		.select([
			'tasks.id',
			'tasks.districtId',
			'tasks.networkId',
			'tasks.meetingId',
			'tasks.agendaItemId',
			'tasks.kind',
			'tasks.title',
			'tasks.description',
			'tasks.actionField',
			'tasks.ownerContactId',
			'tasks.ownerOrganisationId',
			'tasks.dueOn',
			'tasks.status',
			'tasks.offerId',
			'tasks.remindedAt',
			'networks.name as networkName',
			'meetings.title as meetingTitle',
			'meetings.startsAt as meetingStartsAt',
			'ownerOrganisation.name as ownerOrganisationName',
			'ownerContact.name as ownerContactName',
			'ownerContact.anonymisedAt as ownerContactAnonymisedAt',
			'ownerContact.organisationId as ownerContactOrganisationId'
		]);
}

export type TaskRow = Awaited<ReturnType<ReturnType<typeof tasksWithNames>['execute']>>[number];

export async function findTask(db: Db, taskId: number): Promise<TaskRow | undefined> {
	return tasksWithNames(db).where('tasks.id', '=', taskId).executeTakeFirst();
}

export async function findTasksOfMeeting(db: Db, meetingId: number): Promise<TaskRow[]> {
	return tasksWithNames(db).where('tasks.meetingId', '=', meetingId).orderBy('tasks.id').execute();
}

/**
 * Open follow-up tasks of the network that arose before the meeting: at an earlier meeting, or
 * outside any meeting. They carry into every later meeting until they are done or cancelled.
 */
export async function findCarriedTasks(
	db: Db,
	networkId: number,
	meeting: { id: number; startsAt: string }
): Promise<TaskRow[]> {
	return tasksWithNames(db)
		.where('tasks.networkId', '=', networkId)
		.where('tasks.kind', '=', 'task')
		.where('tasks.status', 'in', OPEN_STATUSES)
		.where((eb) =>
			eb.or([
				eb('tasks.meetingId', 'is', null),
				eb.and([
					eb('tasks.meetingId', '!=', meeting.id),
					eb('meetings.startsAt', '<', meeting.startsAt)
				])
			])
		)
		.orderBy('tasks.dueOn')
		.orderBy('tasks.id')
		.execute();
}

export interface TaskQuery {
	districtId: number;
	networkId?: number;
	statuses: readonly TasksTable['status'][];
	dueFrom?: string;
	dueTo?: string;
	ownerOrganisationId?: number;
	ownerContactId?: number;
}

/** The board's rows before the rights and action-field filter; due date first, undated last. */
export async function findBoardTasks(db: Db, query: TaskQuery): Promise<TaskRow[]> {
	let select = tasksWithNames(db)
		.where('tasks.districtId', '=', query.districtId)
		.where('tasks.status', 'in', query.statuses);
	if (query.networkId) select = select.where('tasks.networkId', '=', query.networkId);
	if (query.dueFrom) select = select.where('tasks.dueOn', '>=', query.dueFrom);
	if (query.dueTo) select = select.where('tasks.dueOn', '<=', query.dueTo);
	if (query.ownerOrganisationId)
		select = select.where('tasks.ownerOrganisationId', '=', query.ownerOrganisationId);
	if (query.ownerContactId)
		select = select.where('tasks.ownerContactId', '=', query.ownerContactId);
	const rows = await select.orderBy('tasks.dueOn').orderBy('tasks.id').execute();
	return [...rows.filter((row) => row.dueOn), ...rows.filter((row) => !row.dueOn)];
}

export async function insertTask(db: Db, task: Insertable<TasksTable>): Promise<number> {
	const row = await db.insertInto('tasks').values(task).returning('id').executeTakeFirstOrThrow();
	return row.id;
}

export async function updateTaskStatus(
	db: Db,
	taskId: number,
	change: { status: TasksTable['status']; doneAt: string | null; updatedAt: string }
): Promise<void> {
	await db.updateTable('tasks').set(change).where('id', '=', taskId).execute();
}

/** Open tasks due on or before `dueBy`, with a due date and an owner: reminder candidates. */
export async function findTasksDueBy(db: Db, dueBy: string): Promise<TaskRow[]> {
	return tasksWithNames(db)
		.where('tasks.status', 'in', OPEN_STATUSES)
		.where('tasks.dueOn', 'is not', null)
		.where('tasks.dueOn', '<=', dueBy)
		.orderBy('tasks.id')
		.execute();
}

/** Records a reminder unless another process recorded one since `previous` was read. */
export async function claimTaskReminder(
	db: Db,
	taskId: number,
	previous: string | null,
	at: string
): Promise<boolean> {
	const result = await db
		.updateTable('tasks')
		.set({ remindedAt: at })
		.where('id', '=', taskId)
		.where((eb) =>
			previous === null ? eb('remindedAt', 'is', null) : eb('remindedAt', '=', previous)
		)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function findTasksByIds(db: Db, taskIds: readonly number[]): Promise<TaskRow[]> {
	if (!taskIds.length) return [];
	return tasksWithNames(db).where('tasks.id', 'in', taskIds).orderBy('tasks.id').execute();
}
