import type { Kysely } from 'kysely';
import { idColumn } from './dialect.js';

/**
 * Issue 12: the register of committees (Gremien, Beiräte), their terms of office, members per
 * term from the contact directory, anonymous representation figures per term and the offers
 * (trainings, mentoring) that prepare people to join. Calls for candidates and applications
 * are migration 0016. Days are `YYYY-MM-DD`; flags are 0 or 1.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const id = idColumn(db);
	const cascade = (table: string) => (c: any) => c.references(`${table}.id`).onDelete('cascade');
	const setNull = (table: string) => (c: any) => c.references(`${table}.id`).onDelete('set null');

	// The contact is a directory contact or, for a body's office without one, free text.
	await db.schema
		.createTable('committees')
		.$call(id)
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('slug', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('type', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('organisation_id', 'integer', setNull('organisations'))
		.addColumn('seats', 'integer', (c) => c.notNull())
		.addColumn('meeting_rhythm', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('contact_id', 'integer', setNull('contacts'))
		.addColumn('contact_text', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('committees_slug', ['district_id', 'slug'])
		.execute();

	// `seats` overrides the committee's seats for one term when the body changed its size.
	await db.schema
		.createTable('committee_terms')
		.$call(id)
		.addColumn('committee_id', 'integer', (c) => cascade('committees')(c.notNull()))
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('ends_on', 'text')
		.addColumn('seats', 'integer')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('committee_terms_committee')
		.on('committee_terms')
		.column('committee_id')
		.execute();

	// Only contacts with an unwithdrawn consent for 'committee_work'; erasing a contact removes
	// the membership with it.
	await db.schema
		.createTable('committee_members')
		.$call(id)
		.addColumn('term_id', 'integer', (c) => cascade('committee_terms')(c.notNull()))
		.addColumn('contact_id', 'integer', (c) => cascade('contacts')(c.notNull()))
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('from_on', 'text')
		.addColumn('to_on', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('committee_members_term')
		.on('committee_members')
		.column('term_id')
		.execute();
	await db.schema
		.createIndex('committee_members_contact')
		.on('committee_members')
		.column('contact_id')
		.execute();

	// Anonymous, self-declared aggregates of the members who answered; never linked to a member.
	await db.schema
		.createTable('committee_figures')
		.$call(id)
		.addColumn('term_id', 'integer', (c) => cascade('committee_terms')(c.notNull()))
		.addColumn('recorded_on', 'text', (c) => c.notNull())
		.addColumn('answered', 'integer', (c) => c.notNull())
		.addColumn('migration_history', 'integer', (c) => c.notNull())
		.addColumn('women', 'integer', (c) => c.notNull())
		.addColumn('men', 'integer', (c) => c.notNull())
		.addColumn('diverse', 'integer', (c) => c.notNull())
		.addColumn('gender_not_stated', 'integer', (c) => c.notNull())
		.addColumn('recorded_by', 'integer', setNull('users'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('committee_figures_day', ['term_id', 'recorded_on'])
		.execute();

	await db.schema
		.createTable('committee_offers')
		.addColumn('committee_id', 'integer', (c) => cascade('committees')(c.notNull()))
		.addColumn('offer_id', 'integer', (c) => cascade('offers')(c.notNull()))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('committee_offers_pk', ['committee_id', 'offer_id'])
		.execute();
	await db.schema
		.createIndex('committee_offers_offer')
		.on('committee_offers')
		.column('offer_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'committee_offers',
		'committee_figures',
		'committee_members',
		'committee_terms',
		'committees'
	])
		await db.schema.dropTable(table).execute();
}
