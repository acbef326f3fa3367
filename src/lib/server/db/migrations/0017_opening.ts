import type { Kysely } from 'kysely';
import { idColumn } from './dialect.js';

/**
 * Issue 12: intercultural opening (IKÖ). A district's self-assessment instrument in versions (the
 * dimensions, items and scale as JSON, German and English), the units that assess themselves,
 * their assessment rounds with one rating per item, and the improvement actions of a round,
 * which may become a measure or a task. Days are `YYYY-MM-DD`; flags are 0 or 1.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const id = idColumn(db);
	const cascade = (table: string) => (c: any) => c.references(`${table}.id`).onDelete('cascade');
	const setNull = (table: string) => (c: any) => c.references(`${table}.id`).onDelete('set null');

	// A version in use by a round is never changed again; editing it writes the next version.
	await db.schema
		.createTable('opening_instruments')
		.$call(id)
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('content', 'text', (c) => c.notNull())
		.addColumn('created_by', 'integer', setNull('users'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('opening_instruments_version', ['district_id', 'version'])
		.execute();

	// An administration unit (kind 'administration') or an organisation of the district.
	await db.schema
		.createTable('opening_units')
		.$call(id)
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('organisation_id', 'integer', setNull('organisations'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('opening_units_district')
		.on('opening_units')
		.column('district_id')
		.execute();

	await db.schema
		.createTable('opening_rounds')
		.$call(id)
		.addColumn('unit_id', 'integer', (c) => cascade('opening_units')(c.notNull()))
		.addColumn('instrument_id', 'integer', (c) => c.notNull().references('opening_instruments.id'))
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('submitted_at', 'text')
		.addColumn('submitted_by', 'integer', setNull('users'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('opening_rounds_unit')
		.on('opening_rounds')
		.column('unit_id')
		.execute();

	// One answer per item of the round's instrument version; `level` null until rated.
	await db.schema
		.createTable('opening_ratings')
		.addColumn('round_id', 'integer', (c) => cascade('opening_rounds')(c.notNull()))
		.addColumn('item_key', 'text', (c) => c.notNull())
		.addColumn('level', 'integer')
		.addColumn('not_applicable', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
		.addPrimaryKeyConstraint('opening_ratings_pk', ['round_id', 'item_key'])
		.execute();

	await db.schema
		.createTable('opening_actions')
		.$call(id)
		.addColumn('round_id', 'integer', (c) => cascade('opening_rounds')(c.notNull()))
		.addColumn('what', 'text', (c) => c.notNull())
		.addColumn('who', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('organisation_id', 'integer', setNull('organisations'))
		.addColumn('due_on', 'text')
		.addColumn('measure_id', 'integer', setNull('measures'))
		.addColumn('task_id', 'integer', setNull('tasks'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('opening_actions_round')
		.on('opening_actions')
		.column('round_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'opening_actions',
		'opening_ratings',
		'opening_rounds',
		'opening_units',
		'opening_instruments'
	])
		await db.schema.dropTable(table).execute();
}
