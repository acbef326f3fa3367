import type { Kysely } from 'kysely';

/**
 * Mail may carry attachments, e.g. a meeting invitation's .ics: a JSON array of
 * `{ filename, contentType, content, method? }`, null for plain mail. Kept in the outbox row so
 * a retried mail is sent with the same files.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('mail_outbox').addColumn('attachments', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('mail_outbox').dropColumn('attachments').execute();
}
