import type { Db } from '../db/schema.js';
import type { TranslationsTable } from './translations.table.js';

export interface StoredTranslation {
	entityId: number;
	field: string;
	value: string;
	status: string;
	sourceHash: string;
}

export async function upsertTranslation(db: Db, row: TranslationsTable): Promise<void> {
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

/** Every translated field of one entity, in all languages. */
export async function findAllTranslations(
	db: Db,
	entity: string,
	entityId: number
): Promise<{ locale: string; field: string; value: string }[]> {
	return db
		.selectFrom('translations')
		.select(['locale', 'field', 'value'])
		.where('entity', '=', entity)
		.where('entityId', '=', entityId)
		.orderBy('locale')
		.execute();
}

export async function deleteAllTranslations(
	db: Db,
	entity: string,
	entityId: number
): Promise<void> {
	await db
		.deleteFrom('translations')
		.where('entity', '=', entity)
		.where('entityId', '=', entityId)
		.execute();
}

/** Every language's translations of the given entities, for editing them. */
export async function findTranslationsOfEntities(db: Db, entity: string, entityIds: number[]) {
	if (entityIds.length === 0) return [];
	return db
		.selectFrom('translations')
		.select(['entityId', 'locale', 'field', 'value', 'status', 'sourceHash'])
		.where('entity', '=', entity)
		.where('entityId', 'in', entityIds)
		.execute();
}

export async function deleteTranslation(
	db: Db,
	key: { entity: string; entityId: number; locale: string; field: string }
): Promise<void> {
	await db
		.deleteFrom('translations')
		.where('entity', '=', key.entity)
		.where('entityId', '=', key.entityId)
		.where('locale', '=', key.locale)
		.where('field', '=', key.field)
		.execute();
}
