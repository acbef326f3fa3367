import type { Insertable } from 'kysely';
import type { Db } from '../db/schema.js';
import type { MeasureReachTable } from './measures.table.js';

/** Kysely code of a measure's parts: milestones, budget lines, reach, links, offers, tasks. */

export async function findMilestones(db: Db, measureIds: readonly number[]) {
	if (!measureIds.length) return [];
	return db
		.selectFrom('measureMilestones')
		.select(['id', 'measureId', 'title', 'dueOn', 'doneOn', 'decisionId'])
		.where('measureId', 'in', measureIds)
		.orderBy('dueOn')
		.orderBy('id')
		.execute();
}

export async function insertMilestone(
	db: Db,
	row: { measureId: number; title: string; dueOn: string; decisionId: number | null; at: string }
): Promise<number> {
	const { at, ...values } = row;
	const inserted = await db
		.insertInto('measureMilestones')
		.values({ ...values, doneOn: null, createdAt: at, updatedAt: at })
		.returning('id')
		.executeTakeFirstOrThrow();
	return inserted.id;
}

export async function setMilestoneDone(
	db: Db,
	milestoneId: number,
	doneOn: string | null,
	at: string
): Promise<void> {
	await db
		.updateTable('measureMilestones')
		.set({ doneOn, updatedAt: at })
		.where('id', '=', milestoneId)
		.execute();
}

export async function deleteMilestone(db: Db, milestoneId: number): Promise<void> {
	await db.deleteFrom('measureMilestones').where('id', '=', milestoneId).execute();
}

export async function findBudget(db: Db, measureIds: readonly number[]) {
	if (!measureIds.length) return [];
	return db
		.selectFrom('measureBudgets')
		.innerJoin('fundingSources', 'fundingSources.id', 'measureBudgets.fundingSourceId')
		.select([
			'measureBudgets.measureId',
			'measureBudgets.fundingSourceId',
			'fundingSources.name as fundingSourceName',
			'measureBudgets.year',
			'measureBudgets.plannedCents',
			'measureBudgets.spentCents'
		])
		.where('measureBudgets.measureId', 'in', measureIds)
		.orderBy('measureBudgets.year')
		.orderBy('fundingSources.position')
		.execute();
}

export async function upsertBudget(
	db: Db,
	row: {
		measureId: number;
		fundingSourceId: number;
		year: number;
		plannedCents: number;
		spentCents: number;
	}
): Promise<void> {
	await db
		.insertInto('measureBudgets')
		.values(row)
		.onConflict((oc) =>
			oc
				.columns(['measureId', 'fundingSourceId', 'year'])
				.doUpdateSet({ plannedCents: row.plannedCents, spentCents: row.spentCents })
		)
		.execute();
}

export async function deleteBudget(
	db: Db,
	key: { measureId: number; fundingSourceId: number; year: number }
): Promise<number> {
	const result = await db
		.deleteFrom('measureBudgets')
		.where('measureId', '=', key.measureId)
		.where('fundingSourceId', '=', key.fundingSourceId)
		.where('year', '=', key.year)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

const REACH_COLUMNS = [
	'measureId',
	'period',
	'participants',
	'women',
	'men',
	'diverse',
	'ageMinors',
	'ageYoungAdults',
	'ageAdults',
	'ageSeniors'
] as const;

export async function findReach(db: Db, measureIds: readonly number[]) {
	if (!measureIds.length) return [];
	return db
		.selectFrom('measureReach')
		.select(REACH_COLUMNS)
		.where('measureId', 'in', measureIds)
		.orderBy('period')
		.execute();
}

export async function upsertReach(db: Db, row: Insertable<MeasureReachTable>): Promise<void> {
	await db
		.insertInto('measureReach')
		.values(row)
		.onConflict((oc) =>
			oc.columns(['measureId', 'period']).doUpdateSet((eb) => ({
				participants: eb.ref('excluded.participants'),
				women: eb.ref('excluded.women'),
				men: eb.ref('excluded.men'),
				diverse: eb.ref('excluded.diverse'),
				ageMinors: eb.ref('excluded.ageMinors'),
				ageYoungAdults: eb.ref('excluded.ageYoungAdults'),
				ageAdults: eb.ref('excluded.ageAdults'),
				ageSeniors: eb.ref('excluded.ageSeniors'),
				recordedBy: eb.ref('excluded.recordedBy'),
				recordedAt: eb.ref('excluded.recordedAt')
			}))
		)
		.execute();
}

export async function deleteReach(db: Db, measureId: number, period: string): Promise<number> {
	const result = await db
		.deleteFrom('measureReach')
		.where('measureId', '=', measureId)
		.where('period', '=', period)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export async function findLinks(db: Db, measureId: number) {
	return db
		.selectFrom('measureLinks')
		.select(['title', 'url'])
		.where('measureId', '=', measureId)
		.orderBy('position')
		.execute();
}

export async function findOffers(db: Db, measureId: number) {
	return db
		.selectFrom('measureOffers')
		.innerJoin('offers', 'offers.id', 'measureOffers.offerId')
		.select(['offers.id', 'offers.slug', 'offers.title', 'offers.status'])
		.where('measureOffers.measureId', '=', measureId)
		.orderBy('offers.title')
		.execute();
}

/** Which offers each of the measures produced. */
export async function findOfferIds(db: Db, measureIds: readonly number[]) {
	if (!measureIds.length) return [];
	return db
		.selectFrom('measureOffers')
		.select(['measureId', 'offerId'])
		.where('measureId', 'in', measureIds)
		.execute();
}

export async function findOfferDistrict(db: Db, offerId: number) {
	const row = await db
		.selectFrom('offers')
		.select('districtId')
		.where('id', '=', offerId)
		.executeTakeFirst();
	return row?.districtId;
}

export async function linkOffer(db: Db, measureId: number, offerId: number): Promise<void> {
	await db
		.insertInto('measureOffers')
		.values({ measureId, offerId })
		.onConflict((oc) => oc.columns(['measureId', 'offerId']).doNothing())
		.execute();
}

export async function unlinkOffer(db: Db, measureId: number, offerId: number): Promise<number> {
	const result = await db
		.deleteFrom('measureOffers')
		.where('measureId', '=', measureId)
		.where('offerId', '=', offerId)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export async function linkTask(db: Db, measureId: number, taskId: number): Promise<void> {
	await db.insertInto('measureTasks').values({ measureId, taskId }).execute();
}

export async function findTaskIds(db: Db, measureId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('measureTasks')
		.select('taskId')
		.where('measureId', '=', measureId)
		.execute();
	return rows.map((row) => row.taskId);
}
