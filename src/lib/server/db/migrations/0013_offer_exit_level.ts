import type { Kysely } from 'kysely';

/**
 * Issue 11: support chains select offers by the level they lead to as well as the one they ask
 * for. Null where an offer names no level it leads to (most offers are no language courses).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('offers').addColumn('language_level_exit', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('offers').dropColumn('language_level_exit').execute();
}
