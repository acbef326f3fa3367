import type { Kysely } from 'kysely';
import { idColumn } from './dialect.js';

/** Every outgoing mail is stored first and delivered from here, so none is lost when SMTP fails. */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('mail_outbox')
		.$call(idColumn(db))
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('text_body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', 'text', (c) => c.notNull())
		.addColumn('last_error', 'text')
		.addColumn('sent_at', 'text')
		.execute();
	await db.schema
		.createIndex('mail_outbox_due')
		.on('mail_outbox')
		.columns(['sent_at', 'next_attempt_at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('mail_outbox').ifExists().execute();
}
