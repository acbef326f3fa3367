import type { Db } from '../db/schema.js';

export async function findSnapshot(db: Db, districtId: number, period: string) {
	return db
		.selectFrom('reportSnapshots')
		.select(['figures', 'takenAt'])
		.where('districtId', '=', districtId)
		.where('period', '=', period)
		.executeTakeFirst();
}

/** Stores a period's figures unless another request froze them first; theirs then stand. */
export async function insertSnapshot(
	db: Db,
	row: { districtId: number; period: string; figures: string; takenAt: string }
) {
	await db
		.insertInto('reportSnapshots')
		.values(row)
		.onConflict((conflict) => conflict.columns(['districtId', 'period']).doNothing())
		.execute();
}

/** Adds figures of a section a snapshot did not know yet; the frozen sections stay as they are. */
export async function updateSnapshotFigures(
	db: Db,
	districtId: number,
	period: string,
	figures: string
) {
	await db
		.updateTable('reportSnapshots')
		.set({ figures })
		.where('districtId', '=', districtId)
		.where('period', '=', period)
		.execute();
}
