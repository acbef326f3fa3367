import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { seedDemoAccounts } from './demo.accounts.js';
import { seedDemoContacts } from './demo.contacts.js';
import { seedDemoNetworks } from './demo.networks.js';
import { seedDemoContent } from './demo.seed.js';

/**
 * Seeds the whole demo (content and the KITZ page, accounts, contact directory, networks) in one
 * transaction: a start stopped part-way leaves an empty database, which the next start seeds
 * again, instead of half a demo that later steps trip over. Every step takes this transaction
 * and opens none of its own (SQLite has one connection; PostgreSQL's pool would hand out a
 * second one). Nothing here sends mail or starts jobs; those start after it commits.
 */
export async function seedDemo(
	db: Kysely<DB>,
	options: { contentDir: string; password: string },
	now = new Date()
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await seedDemoContent(trx, options.contentDir, now);
		await seedDemoAccounts(trx, options.password, now);
		await seedDemoContacts(trx, options.contentDir, now);
		await seedDemoNetworks(trx, now);
	});
}
