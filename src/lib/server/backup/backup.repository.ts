import type { Db } from '../db/schema.js';

const LAST_SCHEDULED = 'backup.last_scheduled_at';

/**
 * Claims the scheduled backup that is due when the last one started at or before `dueBefore`.
 * One conditional update decides, so of several app processes on one database only one wins.
 */
export async function claimScheduledBackup(db: Db, dueBefore: Date, now: Date): Promise<boolean> {
	await db
		.insertInto('settings')
		.values({ key: LAST_SCHEDULED, value: new Date(0).toISOString() })
		.onConflict((oc) => oc.column('key').doNothing())
		.execute();
	// ISO 8601 UTC timestamps of one length compare as strings as they do as times.
	const claimed = await db
		.updateTable('settings')
		.set({ value: now.toISOString() })
		.where('key', '=', LAST_SCHEDULED)
		.where('value', '<=', dueBefore.toISOString())
		.executeTakeFirst();
	return claimed.numUpdatedRows === 1n;
}
