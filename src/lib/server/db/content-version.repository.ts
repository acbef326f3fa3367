import type { Db } from './schema.js';

/**
 * The table's one row, named in every read: each write leaves a dead version of it behind, and
 * until (auto)vacuum comes by a bulk load makes the table megabytes long, which a scan reads
 * whole while a lookup by key reads one page.
 */
export const CONTENT_VERSION_ID = 1;

/**
 * Counts up with every write to a table the portal shows (triggers of migration 0021), in the
 * writing transaction: a page rendered after reading a version shows at least that version's data.
 */
export async function findContentVersion(db: Db): Promise<string> {
	const row = await db
		.selectFrom('contentVersion')
		.select('version')
		.where('id', '=', CONTENT_VERSION_ID)
		.executeTakeFirstOrThrow();
	return String(row.version);
}
