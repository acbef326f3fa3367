import type { Kysely } from 'kysely';
import { idColumn } from './dialect.js';

/**
 * One throttle for password log-in, second factor and password-reset requests: a row per key
 * (scope + account and/or client address) with its failure count and current block. Replaces
 * login_attempts, which grew by a row per attempt and was never pruned.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('throttles')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('scope', 'text', (c) => c.notNull())
		.addColumn('account', 'text')
		.addColumn('failures', 'integer', (c) => c.notNull())
		.addColumn('blocked_until', 'text')
		.addColumn('last_failure_at', 'text')
		.addColumn('succeeded_at', 'text')
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('throttles_account').on('throttles').column('account').execute();
	await db.schema
		.createIndex('throttles_updated_at')
		.on('throttles')
		.column('updated_at')
		.execute();
	await db.schema.dropTable('login_attempts').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('throttles').execute();
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
