import type { Kysely } from 'kysely';

/** Freshness of offers: when the owner was last reminded, and the one-time "still correct" links. */
export async function up(db: Kysely<any>): Promise<void> {
	// Null until a reminder goes out; a reminder older than the last verification no longer counts.
	await db.schema.alterTable('offers').addColumn('verification_reminded_at', 'text').execute();
	await db.schema
		.createIndex('offers_status_last_verified')
		.on('offers')
		.columns(['status', 'last_verified_at'])
		.execute();

	// The id is a SHA-256 of the token in the mailed link, so a leaked table confirms nothing.
	await db.schema
		.createTable('offer_verification_tokens')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('offer_id', 'integer', (c) =>
			c.notNull().references('offers.id').onDelete('cascade')
		)
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.execute();
	await db.schema
		.createIndex('offer_verification_tokens_offer')
		.on('offer_verification_tokens')
		.column('offer_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('offer_verification_tokens').ifExists().execute();
	await db.schema.dropIndex('offers_status_last_verified').ifExists().execute();
	await db.schema.alterTable('offers').dropColumn('verification_reminded_at').execute();
}
