import type { Kysely } from 'kysely';
import { idColumn } from './dialect.js';

/**
 * Issue 4: the contact directory with consents and processing purposes, networks with members,
 * meetings with agenda, invitations, attendance, minutes and decisions, follow-up tasks and
 * planned offers, and calendar feeds. Times of meetings are Europe/Berlin wall-clock
 * `YYYY-MM-DDTHH:mm`, as offer dates are.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const id = idColumn(db);
	const cascade = (table: string) => (c: any) => c.references(`${table}.id`).onDelete('cascade');
	const setNull = (table: string) => (c: any) => c.references(`${table}.id`).onDelete('set null');

	// The record of processing purposes (Verzeichnis der Verarbeitungstätigkeiten), per district.
	await db.schema
		.createTable('processing_purposes')
		.$call(id)
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('legal_basis', 'text', (c) => c.notNull())
		.addColumn('data_categories', 'text', (c) => c.notNull())
		.addColumn('retention', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('processing_purposes_key', ['district_id', 'key'])
		.execute();

	await db.schema
		.createTable('contacts')
		.$call(id)
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('organisation_id', 'integer', setNull('organisations'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('role_title', 'text')
		.addColumn('email', 'text')
		.addColumn('phone', 'text')
		// Comma-separated codes, as contact_persons keeps languages.
		.addColumn('languages', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('action_fields', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('notes', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		// Set when a person is erased: the row stays as "former participant" for meeting records.
		.addColumn('anonymised_at', 'text')
		.execute();
	await db.schema.createIndex('contacts_district').on('contacts').column('district_id').execute();

	await db.schema
		.createTable('contact_consents')
		.$call(id)
		.addColumn('contact_id', 'integer', (c) => cascade('contacts')(c.notNull()))
		.addColumn('purpose_id', 'integer', (c) => c.notNull().references('processing_purposes.id'))
		.addColumn('given_on', 'text', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('withdrawn_on', 'text')
		.addColumn('recorded_by', 'integer', setNull('users'))
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('networks')
		.$call(id)
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('coordinating_organisation_id', 'integer', setNull('organisations'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('archived_at', 'text')
		.execute();

	await db.schema
		.createTable('network_action_fields')
		.addColumn('network_id', 'integer', (c) => cascade('networks')(c.notNull()))
		.addColumn('action_field', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('network_action_fields_pk', ['network_id', 'action_field'])
		.execute();

	// A member is an organisation or a person (exactly one of the two), with a role.
	await db.schema
		.createTable('network_members')
		.$call(id)
		.addColumn('network_id', 'integer', (c) => cascade('networks')(c.notNull()))
		.addColumn('organisation_id', 'integer', cascade('organisations'))
		.addColumn('contact_id', 'integer', cascade('contacts'))
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('joined_on', 'text', (c) => c.notNull())
		.addColumn('left_on', 'text')
		.execute();
	await db.schema
		.createIndex('network_members_network')
		.on('network_members')
		.column('network_id')
		.execute();

	await db.schema
		.createTable('meetings')
		.$call(id)
		.addColumn('network_id', 'integer', (c) => cascade('networks')(c.notNull()))
		// The iCalendar UID: invitations, updates and cancellations of one meeting share it.
		.addColumn('uid', 'text', (c) => c.notNull().unique())
		.addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('starts_at', 'text', (c) => c.notNull())
		.addColumn('ends_at', 'text', (c) => c.notNull())
		.addColumn('location', 'text')
		.addColumn('online_url', 'text')
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('invitations_sent_at', 'text')
		.addColumn('minutes_released_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('meetings_network').on('meetings').column('network_id').execute();

	await db.schema
		.createTable('agenda_items')
		.$call(id)
		.addColumn('meeting_id', 'integer', (c) => cascade('meetings')(c.notNull()))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('presenter', 'text')
		.addColumn('presenter_contact_id', 'integer', setNull('contacts'))
		.addColumn('starts_at', 'text')
		.addColumn('duration_minutes', 'integer')
		.addColumn('minutes', 'text', (c) => c.notNull().defaultTo(''))
		.execute();

	// One row per invited person; the RSVP link carries a token whose hash is kept here.
	await db.schema
		.createTable('meeting_invitees')
		.$call(id)
		.addColumn('meeting_id', 'integer', (c) => cascade('meetings')(c.notNull()))
		.addColumn('contact_id', 'integer', (c) => cascade('contacts')(c.notNull()))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('response', 'text')
		.addColumn('responded_at', 'text')
		// present | excused | absent, recorded at or after the meeting.
		.addColumn('attendance', 'text')
		.addColumn('invited_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('meeting_invitees_person', ['meeting_id', 'contact_id'])
		.execute();

	await db.schema
		.createTable('decisions')
		.$call(id)
		.addColumn('meeting_id', 'integer', (c) => cascade('meetings')(c.notNull()))
		.addColumn('agenda_item_id', 'integer', setNull('agenda_items'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.execute();

	// Follow-up tasks and planned integration offers of the joint planning board.
	await db.schema
		.createTable('tasks')
		.$call(id)
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('network_id', 'integer', cascade('networks'))
		.addColumn('meeting_id', 'integer', setNull('meetings'))
		.addColumn('agenda_item_id', 'integer', setNull('agenda_items'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('action_field', 'text')
		.addColumn('owner_contact_id', 'integer', setNull('contacts'))
		.addColumn('owner_organisation_id', 'integer', setNull('organisations'))
		.addColumn('due_on', 'text')
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('offer_id', 'integer', setNull('offers'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('done_at', 'text')
		.addColumn('reminded_at', 'text')
		.execute();
	await db.schema.createIndex('tasks_district').on('tasks').column('district_id').execute();

	// Subscribable .ics feeds per network or per person; only the token's hash is kept.
	await db.schema
		.createTable('calendar_feeds')
		.$call(id)
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('network_id', 'integer', cascade('networks'))
		.addColumn('contact_id', 'integer', cascade('contacts'))
		.addColumn('created_by', 'integer', setNull('users'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('revoked_at', 'text')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'calendar_feeds',
		'tasks',
		'decisions',
		'meeting_invitees',
		'agenda_items',
		'meetings',
		'network_members',
		'network_action_fields',
		'networks',
		'contact_consents',
		'contacts',
		'processing_purposes'
	])
		await db.schema.dropTable(table).ifExists().execute();
}
