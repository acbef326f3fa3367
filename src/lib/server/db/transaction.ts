import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/**
 * Runs `work` in a transaction: the caller's when `db` already is one (the demo seeds everything
 * in one, and Kysely cannot nest them), else a new one. Either way the work commits or fails whole.
 */
export function inTransaction<T>(
	db: Kysely<DB>,
	work: (trx: Transaction<DB>) => Promise<T>
): Promise<T> {
	return db.isTransaction ? work(db as Transaction<DB>) : db.transaction().execute(work);
}
