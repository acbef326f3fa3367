import type { Kysely } from 'kysely';
import { idColumn } from './dialect.js';

/** Accounts with roles and organisations, two-factor data, sessions, links, audit log and login attempts. */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('users')
		.$call(idColumn(db))
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text')
		.addColumn('totp_secret', 'text')
		.addColumn('totp_enabled_at', 'text')
		.addColumn('totp_last_step', 'integer')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('last_login_at', 'text')
		.addColumn('disabled_at', 'text')
		.execute();

	// One-time codes for when the authenticator is lost; only hashes are kept.
	await db.schema
		.createTable('recovery_codes')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.addPrimaryKeyConstraint('recovery_codes_pk', ['user_id', 'code_hash'])
		.execute();

	await db.schema
		.createTable('user_organisations')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) =>
			c.notNull().references('organisations.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('user_organisations_pk', ['user_id', 'organisation_id'])
		.execute();

	// The id is a hash of the token the browser holds, so a leaked table opens no session.
	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_seen_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('second_factor_at', 'text')
		.addColumn('ip', 'text')
		.addColumn('user_agent', 'text')
		.execute();
	await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

	// Invitations and password resets: a link with a one-time token; only its hash is kept.
	await db.schema
		.createTable('account_tokens')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('purpose', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.execute();

	// Every change: who, when, what, and the record before and after (JSON).
	await db.schema
		.createTable('audit_log')
		.$call(idColumn(db))
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'integer', (c) => c.notNull())
		.addColumn('before', 'text')
		.addColumn('after', 'text')
		.execute();
	await db.schema
		.createIndex('audit_log_district_at')
		.on('audit_log')
		.columns(['district_id', 'at'])
		.execute();

	await db.schema
		.createTable('login_attempts')
		.$call(idColumn(db))
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('attempted_at', 'text', (c) => c.notNull())
		.addColumn('succeeded', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('login_attempts_key_time')
		.on('login_attempts')
		.columns(['key', 'attempted_at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'login_attempts',
		'sessions',
		'user_organisations',
		'recovery_codes',
		'users'
	]) {
		await db.schema.dropTable(table).ifExists().execute();
	}
}
