import type { Kysely } from 'kysely';
import { idColumn } from './dialect.js';

/**
 * Every edit of an offer is a revision holding the complete content (German text, fields,
 * dates, translations) as JSON. The offers row keeps the published version, so the public sees
 * it unchanged until a coordinator approves the next revision.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('offer_revisions')
		.$call(idColumn(db))
		.addColumn('offer_id', 'integer', (c) =>
			c.notNull().references('offers.id').onDelete('cascade')
		)
		.addColumn('number', 'integer', (c) => c.notNull())
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('content', 'text', (c) => c.notNull())
		.addColumn('review_comment', 'text')
		.addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('reviewer_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('submitted_at', 'text')
		.addColumn('reviewed_at', 'text')
		.addUniqueConstraint('offer_revisions_number', ['offer_id', 'number'])
		.execute();
	await db.schema
		.createIndex('offer_revisions_state')
		.on('offer_revisions')
		.column('state')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('offer_revisions').ifExists().execute();
}
