import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './dialect.js';

/** Districts, places, organisations, offers with their schedules, and content translations. */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('districts')
		.$call(idColumn(db))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('ags', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('places')
		.$call(idColumn(db))
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('ags', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('amt', 'text')
		.addColumn('lat', 'real', (c) => c.notNull())
		.addColumn('lon', 'real', (c) => c.notNull())
		.addColumn('population', 'integer')
		.addColumn('geonames_id', 'integer')
		.addUniqueConstraint('places_district_name', ['district_id', 'name'])
		.execute();

	await db.schema
		.createTable('place_postcodes')
		.addColumn('place_id', 'integer', (c) =>
			c.notNull().references('places.id').onDelete('cascade')
		)
		.addColumn('postcode', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('place_postcodes_pk', ['place_id', 'postcode'])
		.execute();
	await db.schema
		.createIndex('place_postcodes_postcode')
		.on('place_postcodes')
		.column('postcode')
		.execute();

	await db.schema
		.createTable('organisations')
		.$call(idColumn(db))
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('email', 'text')
		.addColumn('phone', 'text')
		.addColumn('website', 'text')
		.addColumn('street', 'text')
		.addColumn('postcode', 'text')
		.addColumn('place_id', 'integer', (c) => c.references('places.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('contact_persons')
		.$call(idColumn(db))
		.addColumn('organisation_id', 'integer', (c) =>
			c.notNull().references('organisations.id').onDelete('cascade')
		)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('email', 'text')
		.addColumn('phone', 'text')
		.addColumn('room', 'text')
		.addColumn('languages', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	await db.schema
		.createTable('offers')
		.$call(idColumn(db))
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('cost_kind', 'text', (c) => c.notNull())
		.addColumn('cost_cents', 'integer')
		.addColumn('cost_note', 'text')
		.addColumn('access', 'text', (c) => c.notNull())
		.addColumn('language_level', 'text', (c) => c.notNull())
		.addColumn('location_kind', 'text', (c) => c.notNull())
		.addColumn('street', 'text')
		.addColumn('place_id', 'integer', (c) => c.references('places.id'))
		.addColumn('online_url', 'text')
		.addColumn('schedule_kind', 'text', (c) => c.notNull())
		.addColumn('valid_from', 'text')
		.addColumn('valid_to', 'text')
		.addColumn('contact_name', 'text')
		.addColumn('contact_phone', 'text')
		.addColumn('contact_email', 'text')
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('next_starts_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('last_verified_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('offers_status_place')
		.on('offers')
		.columns(['status', 'place_id'])
		.execute();
	await db.schema
		.createIndex('offers_organisation')
		.on('offers')
		.column('organisation_id')
		.execute();
	await db.schema
		.createIndex('offers_next_starts_at')
		.on('offers')
		.column('next_starts_at')
		.execute();

	for (const [table, column] of [
		['offer_action_fields', 'action_field'],
		['offer_target_groups', 'target_group'],
		['offer_languages', 'language'],
		['offer_accessibility', 'feature']
	] as const) {
		await db.schema
			.createTable(table)
			.addColumn('offer_id', 'integer', (c) =>
				c.notNull().references('offers.id').onDelete('cascade')
			)
			.addColumn(column, 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint(`${table}_pk`, ['offer_id', column])
			.execute();
		await db.schema
			.createIndex(`${table}_by_value`)
			.on(table)
			.columns([column, 'offer_id'])
			.execute();
	}

	await db.schema
		.createTable('offer_schedules')
		.$call(idColumn(db))
		.addColumn('offer_id', 'integer', (c) =>
			c.notNull().references('offers.id').onDelete('cascade')
		)
		.addColumn('starts_at', 'text', (c) => c.notNull())
		.addColumn('ends_at', 'text')
		.addColumn('rrule', 'text')
		.execute();
	await db.schema
		.createIndex('offer_schedules_offer')
		.on('offer_schedules')
		.column('offer_id')
		.execute();

	await db.schema
		.createTable('offer_occurrences')
		.addColumn('offer_id', 'integer', (c) =>
			c.notNull().references('offers.id').onDelete('cascade')
		)
		.addColumn('starts_at', 'text', (c) => c.notNull())
		.addColumn('ends_at', 'text')
		.addPrimaryKeyConstraint('offer_occurrences_pk', ['offer_id', 'starts_at'])
		.execute();
	await db.schema
		.createIndex('offer_occurrences_starts_at')
		.on('offer_occurrences')
		.column('starts_at')
		.execute();

	await db.schema
		.createTable('pages')
		.$call(idColumn(db))
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('organisation_id', 'integer', (c) => c.references('organisations.id'))
		.addColumn('slug', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('pages_district_slug', ['district_id', 'slug'])
		.execute();

	// One row per translated text field of any entity; the German source lives on the entity.
	await db.schema
		.createTable('translations')
		.addColumn('entity', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'integer', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('field', 'text', (c) => c.notNull())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('source_hash', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('translations_pk', ['entity', 'entity_id', 'locale', 'field'])
		.execute();

	await db.schema
		.createTable('settings')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.execute();

	if (isPostgres(db)) {
		await db.schema
			.createTable('offer_search')
			.addColumn('offer_id', 'integer', (c) =>
				c.primaryKey().references('offers.id').onDelete('cascade')
			)
			.addColumn('document', sql`tsvector`, (c) => c.notNull())
			.execute();
		await sql`create index offer_search_document on offer_search using gin (document)`.execute(db);
	} else {
		// Text arrives already folded (lower case, no diacritics) so both dialects match alike.
		await sql`create virtual table offer_search using fts5(
			title, summary, body, tokenize = 'unicode61', prefix = '2 3 4'
		)`.execute(db);
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'offer_search',
		'settings',
		'translations',
		'pages',
		'offer_occurrences',
		'offer_schedules',
		'offer_accessibility',
		'offer_languages',
		'offer_target_groups',
		'offer_action_fields',
		'offers',
		'contact_persons',
		'organisations',
		'place_postcodes',
		'places',
		'districts'
	]) {
		await db.schema.dropTable(table).ifExists().execute();
	}
}
