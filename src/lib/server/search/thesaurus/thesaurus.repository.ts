import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { getSetting, setSetting } from '../../db/settings.repository.js';
import type { Db } from '../../db/schema.js';
import type { SearchConceptsTable } from '../thesaurus.table.js';
import { NO_THESAURUS_VERSION, THESAURUS_VERSION_SETTING } from './thesaurus.schema.js';

/** All Kysely code of the thesaurus: rows in, rows out; the service turns them into concepts. */

const COLUMNS = [
	'id',
	'key',
	'labels',
	'phrases',
	'actionFields',
	'targetGroups',
	'germanCourse',
	'terms',
	'broader',
	'updatedAt',
	'updatedBy'
] as const;

export type ConceptRow = Pick<
	SearchConceptsTable,
	Exclude<(typeof COLUMNS)[number], 'id' | 'germanCourse'>
> & { id: number; germanCourse: number };
export type ConceptValues = Omit<Insertable<SearchConceptsTable>, 'id'>;

export async function findConceptRows(db: Db): Promise<ConceptRow[]> {
	return db.selectFrom('searchConcepts').select(COLUMNS).orderBy('id').execute();
}

export async function findConceptRow(db: Db, id: number): Promise<ConceptRow | undefined> {
	return db.selectFrom('searchConcepts').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function findConceptIdByKey(db: Db, key: string): Promise<number | undefined> {
	const row = await db
		.selectFrom('searchConcepts')
		.select('id')
		.where('key', '=', key)
		.executeTakeFirst();
	return row?.id;
}

export async function findConceptKeys(db: Db): Promise<Set<string>> {
	const rows = await db.selectFrom('searchConcepts').select('key').execute();
	return new Set(rows.map((row) => row.key));
}

export async function insertConceptRow(db: Db, values: ConceptValues): Promise<number> {
	const row = await db
		.insertInto('searchConcepts')
		.values(values)
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** Inserts a default concept unless its key exists (another process may have just loaded it). */
export async function insertConceptRowIfNew(db: Db, values: ConceptValues): Promise<boolean> {
	const rows = await db
		.insertInto('searchConcepts')
		.values(values)
		.onConflict((oc) => oc.column('key').doNothing())
		.returning('id')
		.execute();
	return rows.length > 0;
}

export async function updateConceptRow(db: Db, id: number, values: ConceptValues): Promise<void> {
	await db.updateTable('searchConcepts').set(values).where('id', '=', id).execute();
}

/** Points the concepts narrower than `key` to `replacement` (a new key, or none). */
export async function replaceBroaderKey(
	db: Db,
	key: string,
	replacement: string | null
): Promise<void> {
	await db
		.updateTable('searchConcepts')
		.set({ broader: replacement })
		.where('broader', '=', key)
		.execute();
}

export async function deleteConceptRow(db: Db, id: number): Promise<void> {
	await db.deleteFrom('searchConcepts').where('id', '=', id).execute();
}

export async function findThesaurusVersion(db: Db): Promise<string> {
	return (await getSetting(db, THESAURUS_VERSION_SETTING)) ?? NO_THESAURUS_VERSION;
}

export async function markThesaurusChanged(db: Db): Promise<void> {
	await setSetting(db, THESAURUS_VERSION_SETTING, randomUUID());
}
