import type { Db } from '../db/schema.js';

/**
 * Takes the named job for `holder` until `leaseUntil` if nobody holds an unexpired lease on it and
 * it last started at or before `startedBefore`. One conditional update: of two processes trying
 * at once, exactly one gets it (PostgreSQL re-checks the condition on the row the winner wrote).
 */
export async function takeJobLease(
	db: Db,
	lease: { name: string; holder: string; now: string; leaseUntil: string; startedBefore: string }
): Promise<boolean> {
	await db
		.insertInto('jobLeases')
		.values({
			name: lease.name,
			holder: null,
			leaseUntil: null,
			startedAt: null,
			finishedAt: null,
			lastError: null
		})
		.onConflict((oc) => oc.column('name').doNothing())
		.execute();
	const result = await db
		.updateTable('jobLeases')
		.set({ holder: lease.holder, leaseUntil: lease.leaseUntil, startedAt: lease.now })
		.where('name', '=', lease.name)
		.where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<=', lease.now)]))
		.where((eb) => eb.or([eb('startedAt', 'is', null), eb('startedAt', '<=', lease.startedBefore)]))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Extends the holder's lease; false when it has lost the job to another holder. */
export async function renewJobLease(
	db: Db,
	name: string,
	holder: string,
	leaseUntil: string
): Promise<boolean> {
	const result = await db
		.updateTable('jobLeases')
		.set({ leaseUntil })
		.where('name', '=', name)
		.where('holder', '=', holder)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Lets go of the job once a run ended, with its error if it failed. */
export async function releaseJobLease(
	db: Db,
	name: string,
	holder: string,
	finishedAt: string,
	error: string | null
): Promise<void> {
	await db
		.updateTable('jobLeases')
		.set({ holder: null, leaseUntil: null, finishedAt, lastError: error })
		.where('name', '=', name)
		.where('holder', '=', holder)
		.execute();
}

export async function findJobLease(db: Db, name: string) {
	return db
		.selectFrom('jobLeases')
		.select(['name', 'holder', 'leaseUntil', 'startedAt', 'finishedAt', 'lastError'])
		.where('name', '=', name)
		.executeTakeFirst();
}
