import type { Kysely } from 'kysely';

/**
 * Revisions are looked up by state within one offer (its approved base, its open revision, the
 * start-up check for offers without a base). With an index on state alone SQLite answered those
 * by reading every revision in that state, per offer: a restart at 100,000 offers never finished.
 * The index on (state, offer_id) serves those lookups and, by its first column, the lists by state
 * that the index on state alone served, so that one goes.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('offer_revisions_state_offer')
		.on('offer_revisions')
		.columns(['state', 'offer_id'])
		.execute();
	await db.schema.dropIndex('offer_revisions_state').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('offer_revisions_state')
		.on('offer_revisions')
		.column('state')
		.execute();
	await db.schema.dropIndex('offer_revisions_state_offer').execute();
}
