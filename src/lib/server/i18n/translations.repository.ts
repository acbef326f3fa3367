import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface StoredTranslation {
	entityId: number;
	field: string;
	value: string;
	status: string;
	sourceHash: string;
}

export async function upsertTranslation(
	db: Db,
	row: {
		entity: string;
		entityId: number;
		locale: string;
		field: string;
		value: string;
		status: string;
		sourceHash: string;
		updatedAt: string;
	}
): Promise<void> {
	await db
		.insertInto('translations')
		.values(row)
		.onConflict((oc) =>
			oc.columns(['entity', 'entityId', 'locale', 'field']).doUpdateSet({
				value: row.value,
				status: row.status,
				sourceHash: row.sourceHash,
				updatedAt: row.updatedAt
			})
		)
		.execute();
}

export async function findTranslations(
	db: Db,
	entity: string,
	entityIds: number[],
	locale: string
): Promise<StoredTranslation[]> {
	if (entityIds.length === 0) return [];
	return db
		.selectFrom('translations')
		.select(['entityId', 'field', 'value', 'status', 'sourceHash'])
		.where('entity', '=', entity)
		.where('locale', '=', locale)
		.where('entityId', 'in', entityIds)
		.execute();
}

export async function findAllTranslationValues(
	db: Db,
	entity: string,
	entityId: number
): Promise<string[]> {
	const rows = await db
		.selectFrom('translations')
		.select('value')
		.where('entity', '=', entity)
		.where('entityId', '=', entityId)
		.execute();
	return rows.map((row) => row.value);
}
