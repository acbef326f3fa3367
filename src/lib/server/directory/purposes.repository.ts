import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/schema.js';
import type { ProcessingPurposesTable } from './directory.table.js';

export interface PurposeRow {
	id: number;
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

const COLUMNS = [
	'id',
	'districtId',
	'key',
	'name',
	'description',
	'legalBasis',
	'dataCategories',
	'retention',
	'createdAt',
	'updatedAt'
] as const;

export async function listPurposeRows(db: Db, districtId: number): Promise<PurposeRow[]> {
	return db
		.selectFrom('processingPurposes')
		.select(COLUMNS)
		.where('districtId', '=', districtId)
		.orderBy('name')
		.execute();
}

export async function findPurposeRow(db: Db, id: number): Promise<PurposeRow | undefined> {
	return db
		.selectFrom('processingPurposes')
		.select(COLUMNS)
		.where('id', '=', id)
		.executeTakeFirst();
}

/** Inserts the purpose unless its key exists in the district; the id either way is not needed. */
export async function insertPurposeIfMissing(
	db: Db,
	row: Insertable<ProcessingPurposesTable>
): Promise<void> {
	await db
		.insertInto('processingPurposes')
		.values(row)
		.onConflict((conflict) => conflict.columns(['districtId', 'key']).doNothing())
		.execute();
}

export async function insertPurposeRow(
	db: Db,
	row: Insertable<ProcessingPurposesTable>
): Promise<number> {
	return (
		await db.insertInto('processingPurposes').values(row).returning('id').executeTakeFirstOrThrow()
	).id;
}

export async function updatePurposeRow(
	db: Db,
	id: number,
	changes: Updateable<ProcessingPurposesTable>
): Promise<void> {
	await db.updateTable('processingPurposes').set(changes).where('id', '=', id).execute();
}
