import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/schema.js';
import type { OpeningActionsTable } from './opening.table.js';

/** Kysely code of a round's improvement actions. */

export type ActionRow = Selectable<OpeningActionsTable> & { organisationName: string | null };

/** An action with the name of the organisation doing it. */
const selectActions = (db: Db) =>
	db
		.selectFrom('openingActions as a')
		.leftJoin('organisations as o', 'o.id', 'a.organisationId')
		.select([
			'a.id',
			'a.roundId',
			'a.what',
			'a.who',
			'a.organisationId',
			'a.dueOn',
			'a.measureId',
			'a.taskId',
			'a.createdAt',
			'a.updatedAt',
			'o.name as organisationName'
		]);

export async function listActionRows(db: Db, roundIds: readonly number[]): Promise<ActionRow[]> {
	if (!roundIds.length) return [];
	return selectActions(db)
		.where('a.roundId', 'in', [...roundIds])
		.orderBy('a.id')
		.execute();
}

export async function findActionRow(db: Db, id: number): Promise<ActionRow | undefined> {
	return selectActions(db).where('a.id', '=', id).executeTakeFirst();
}

export async function insertActionRow(
	db: Db,
	row: Insertable<OpeningActionsTable>
): Promise<number> {
	const { id } = await db
		.insertInto('openingActions')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function updateActionRow(
	db: Db,
	id: number,
	patch: Updateable<OpeningActionsTable>
): Promise<void> {
	await db.updateTable('openingActions').set(patch).where('id', '=', id).execute();
}
