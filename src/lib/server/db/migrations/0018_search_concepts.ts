import type { Kysely } from 'kysely';
import { idColumn } from './dialect.js';

/**
 * Issue 13: the search thesaurus, one row per concept (a need people search for). Labels and
 * phrases are JSON objects by language, action fields, target groups and terms JSON arrays;
 * `german_course` is 0 or 1; `updated_by` is null for concepts loaded from the default file.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('search_concepts')
		.$call(idColumn(db))
		.addColumn('key', 'text', (c) => c.notNull().unique())
		.addColumn('labels', 'text', (c) => c.notNull())
		.addColumn('phrases', 'text', (c) => c.notNull())
		.addColumn('action_fields', 'text', (c) => c.notNull())
		.addColumn('target_groups', 'text', (c) => c.notNull())
		.addColumn('german_course', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('terms', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('search_concepts').execute();
}
