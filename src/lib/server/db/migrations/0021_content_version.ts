import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

/**
 * The tables whose rows the public portal shows or searches (or may: a table left out would let
 * the page cache serve a page that no longer holds). Every write to one of them counts up
 * `content_version` in the same transaction, so each app process on the database sees a change
 * made by any other, or by hand, before it serves a cached page again. Left out are tables the
 * portal never reads: sessions and the rest of the accounts (but `users`, whose names a public
 * measure shows), throttles, mail, jobs, audit, networks and meetings, the self-assessment, chain
 * reviews, committee applications, report snapshots.
 * SQLite's full-text index (`offer_search`) is a virtual table, which takes no trigger; each of its
 * writes comes with a change of the offers version (`settings`).
 */
const PORTAL_TABLES = [
	'chain_action_fields',
	'chain_stage_offers',
	'chain_stages',
	'chain_transitions',
	'chains',
	'committee_calls',
	'committee_figures',
	'committee_members',
	'committee_offers',
	'committee_terms',
	'committees',
	'concept_versions',
	'contact_consents',
	'contact_persons',
	'contacts',
	'districts',
	'funding_sources',
	'goals',
	'indicator_values',
	'indicators',
	'measure_action_fields',
	'measure_budgets',
	'measure_goals',
	'measure_links',
	'measure_milestones',
	'measure_offers',
	'measure_partners',
	'measure_reach',
	'measure_tasks',
	'measure_updates',
	'measures',
	'offer_accessibility',
	'offer_action_fields',
	'offer_languages',
	'offer_occurrences',
	'offer_revisions',
	'offer_schedules',
	'offer_target_groups',
	'offers',
	'organisations',
	'pages',
	'place_postcodes',
	'places',
	'processing_purposes',
	'search_concepts',
	'settings',
	'translations',
	'users'
];
/** PostgreSQL's full-text table is a plain table, which takes a trigger like the others. */
const POSTGRES_TABLES = [...PORTAL_TABLES, 'offer_search'];

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('content_version')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('version', 'bigint', (c) => c.notNull())
		.execute();
	await db.insertInto('content_version').values({ id: 1, version: 1 }).execute();
	if (isPostgres(db)) {
		await sql`
			CREATE FUNCTION bump_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
				UPDATE content_version SET version = version + 1;
				RETURN NULL;
			END $$`.execute(db);
		// Per statement, and before it: a bulk write counts once, and every writing transaction
		// takes the counter's row lock before any row of a portal table, always in that order.
		for (const table of POSTGRES_TABLES)
			await sql`
				CREATE TRIGGER ${sql.id(`${table}_content_version`)}
				BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
				FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version()`.execute(db);
		return;
	}
	// SQLite has row triggers only; one writer at a time, so no lock order to keep.
	for (const table of PORTAL_TABLES)
		for (const event of ['insert', 'update', 'delete'])
			await sql`
				CREATE TRIGGER ${sql.id(`${table}_content_version_${event}`)}
				AFTER ${sql.raw(event.toUpperCase())} ON ${sql.table(table)}
				BEGIN UPDATE content_version SET version = version + 1; END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	if (isPostgres(db)) {
		for (const table of POSTGRES_TABLES)
			await sql`DROP TRIGGER ${sql.id(`${table}_content_version`)} ON ${sql.table(table)}`.execute(
				db
			);
		await sql`DROP FUNCTION bump_content_version()`.execute(db);
	} else
		for (const table of PORTAL_TABLES)
			for (const event of ['insert', 'update', 'delete'])
				await sql`DROP TRIGGER ${sql.id(`${table}_content_version_${event}`)}`.execute(db);
	await db.schema.dropTable('content_version').execute();
}
