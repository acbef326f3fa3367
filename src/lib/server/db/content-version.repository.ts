import type { Db } from './schema.js';

/**
 * Counts up with every write to a table the portal shows (triggers of migration 0021), in the
 * writing transaction: a page rendered after reading a version shows at least that version's data.
 */
export async function findContentVersion(db: Db): Promise<string> {
	const row = await db.selectFrom('contentVersion').select('version').executeTakeFirstOrThrow();
	return String(row.version);
}
