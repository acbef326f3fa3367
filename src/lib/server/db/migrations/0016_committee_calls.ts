import type { Kysely } from 'kysely';
import { idColumn } from './dialect.js';

/**
 * Issue 12: public calls for candidates for a committee (and one of its terms) and the
 * applications sent through the portal. An application hangs off the directory contact the
 * portal created for the applicant: erasing that person deletes the application
 * (directory/erasure.repository.ts). Days are `YYYY-MM-DD`, instants ISO UTC.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const id = idColumn(db);
	const cascade = (table: string) => (c: any) => c.references(`${table}.id`).onDelete('cascade');
	const setNull = (table: string) => (c: any) => c.references(`${table}.id`).onDelete('set null');

	// Title and text are translated as entity 'committee_call'. The slug names the call in the
	// portal (/<lang>/mitmachen/<slug>) without a district, so it is unique in the installation.
	await db.schema
		.createTable('committee_calls')
		.$call(id)
		.addColumn('committee_id', 'integer', (c) => cascade('committees')(c.notNull()))
		.addColumn('term_id', 'integer', setNull('committee_terms'))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('seats_sought', 'integer', (c) => c.notNull())
		.addColumn('eligibility', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('deadline', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('committee_calls_committee')
		.on('committee_calls')
		.column('committee_id')
		.execute();

	// Only what the applicant typed beyond their contact: the message and the municipality.
	await db.schema
		.createTable('committee_applications')
		.$call(id)
		.addColumn('call_id', 'integer', (c) => cascade('committee_calls')(c.notNull()))
		.addColumn('contact_id', 'integer', (c) => cascade('contacts')(c.notNull()))
		.addColumn('place_id', 'integer', setNull('places'))
		.addColumn('message', 'text', (c) => c.notNull())
		.addColumn('received_at', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('committee_applications_call')
		.on('committee_applications')
		.column('call_id')
		.execute();
	await db.schema
		.createIndex('committee_applications_contact')
		.on('committee_applications')
		.column('contact_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('committee_applications').execute();
	await db.schema.dropTable('committee_calls').execute();
}
