import type { Kysely } from 'kysely';

/**
 * Several app processes share one database: a periodic job runs in the process that holds its
 * lease (`holder` until `lease_until`, renewed while it works) and only when its last start
 * (`started_at`) is a period ago. Each outbox mail keeps the Message-ID it is sent with, so a
 * retry after a lost answer from the mail server carries the same one and receivers can drop
 * the duplicate.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('job_leases')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('holder', 'text')
		.addColumn('lease_until', 'text')
		.addColumn('started_at', 'text')
		.addColumn('finished_at', 'text')
		.addColumn('last_error', 'text')
		.execute();
	await db.schema.alterTable('mail_outbox').addColumn('message_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('mail_outbox').dropColumn('message_id').execute();
	await db.schema.dropTable('job_leases').execute();
}
