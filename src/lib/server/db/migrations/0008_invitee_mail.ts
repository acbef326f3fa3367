import type { Kysely } from 'kysely';

/**
 * Each invitee points at the newest meeting mail queued for them (invitation, update or
 * cancellation), so the meeting page can show whether it was sent or failed, and retry it.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('meeting_invitees')
		.addColumn('last_mail_id', 'integer', (c) =>
			c.references('mail_outbox.id').onDelete('set null')
		)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('meeting_invitees').dropColumn('last_mail_id').execute();
}
