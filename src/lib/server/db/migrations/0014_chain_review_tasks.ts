import type { Kysely } from 'kysely';

/**
 * A decision of a chain review can become a follow-up task of the meeting. Tasks know nothing of
 * decisions (the minutes context does not link them), so the review keeps which task came of
 * which decision, to show it beside the decision. A deleted task leaves the decision without one.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('chain_review_decisions')
		.addColumn('task_id', 'integer', (c) => c.references('tasks.id').onDelete('set null'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('chain_review_decisions').dropColumn('task_id').execute();
}
