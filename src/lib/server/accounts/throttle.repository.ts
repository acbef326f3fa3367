import type { Db } from '../db/schema.js';

export interface ThrottleKey {
	key: string;
	scope: string;
	account: string | null;
}

const columnsOf = ({ key, scope, account }: ThrottleKey) => ({ key, scope, account });

export async function findThrottles(db: Db, keys: string[]) {
	return db
		.selectFrom('throttles')
		.select(['key', 'failures', 'blockedUntil', 'succeededAt'])
		.where('key', 'in', keys)
		.execute();
}

/**
 * Counts one failure in one statement (safe with concurrent requests); the count starts again
 * when the last failure is older than `forgetSince`. Returns the new count.
 */
export async function countFailure(
	db: Db,
	key: ThrottleKey,
	at: string,
	forgetSince: string
): Promise<number> {
	const row = await db
		.insertInto('throttles')
		.values({ ...columnsOf(key), failures: 1, lastFailureAt: at, updatedAt: at })
		.onConflict((conflict) =>
			conflict.column('key').doUpdateSet((eb) => ({
				failures: eb
					.case()
					.when('throttles.lastFailureAt', '>=', forgetSince)
					.then(eb('throttles.failures', '+', 1))
					.else(1)
					.end(),
				lastFailureAt: at,
				updatedAt: at
			}))
		)
		.returning('failures')
		.executeTakeFirstOrThrow();
	return Number(row.failures);
}

/** Starts a block unless one is running already; false when a concurrent request started it. */
export async function startBlock(db: Db, key: string, at: string, until: string): Promise<boolean> {
	const result = await db
		.updateTable('throttles')
		.set({ blockedUntil: until })
		.where('key', '=', key)
		.where((eb) => eb.or([eb('blockedUntil', 'is', null), eb('blockedUntil', '<=', at)]))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Forgets the key's failures and remembers the success. */
export async function markSuccess(db: Db, key: ThrottleKey, at: string): Promise<void> {
	await db
		.insertInto('throttles')
		.values({ ...columnsOf(key), failures: 0, succeededAt: at, updatedAt: at })
		.onConflict((conflict) =>
			conflict
				.column('key')
				.doUpdateSet({ failures: 0, blockedUntil: null, succeededAt: at, updatedAt: at })
		)
		.execute();
}

export async function clearAccountThrottles(
	db: Db,
	account: string,
	scopes: string[],
	at: string
): Promise<void> {
	await db
		.updateTable('throttles')
		.set({ failures: 0, blockedUntil: null, updatedAt: at })
		.where('account', '=', account)
		.where('scope', 'in', scopes)
		.execute();
}

/** Deletes keys untouched since `idleBefore` without a success, and any untouched since `knownBefore`. */
export async function deleteStaleThrottles(
	db: Db,
	at: string,
	idleBefore: string,
	knownBefore: string
): Promise<number> {
	const result = await db
		.deleteFrom('throttles')
		.where((eb) => eb.or([eb('blockedUntil', 'is', null), eb('blockedUntil', '<=', at)]))
		.where((eb) =>
			eb.or([
				eb('updatedAt', '<', knownBefore),
				eb.and([eb('succeededAt', 'is', null), eb('updatedAt', '<', idleBefore)])
			])
		)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
