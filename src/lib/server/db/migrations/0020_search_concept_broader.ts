import type { Kysely } from 'kysely';

/** Issue 13: a search concept may name the wider concept it belongs to (its key), or none. */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('search_concepts').addColumn('broader', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('search_concepts').dropColumn('broader').execute();
}
