import type { Db } from '../db/schema.js';

/** The district's funding sources, in their order; archived ones too, marked. */
export async function listFundingSourceRows(db: Db, districtId: number) {
	return db
		.selectFrom('fundingSources')
		.select(['id', 'districtId', 'name', 'position', 'archivedAt'])
		.where('districtId', '=', districtId)
		.orderBy('position')
		.orderBy('id')
		.execute();
}

export async function findFundingSourceRow(db: Db, fundingSourceId: number) {
	return db
		.selectFrom('fundingSources')
		.select(['id', 'districtId', 'name', 'position', 'archivedAt'])
		.where('id', '=', fundingSourceId)
		.executeTakeFirst();
}

export async function findFundingSourceByName(db: Db, districtId: number, name: string) {
	return db
		.selectFrom('fundingSources')
		.select('id')
		.where('districtId', '=', districtId)
		.where('name', '=', name)
		.executeTakeFirst();
}

export async function insertFundingSources(
	db: Db,
	districtId: number,
	names: readonly string[],
	firstPosition: number,
	at: string
): Promise<number[]> {
	const rows = await db
		.insertInto('fundingSources')
		.values(
			names.map((name, index) => ({
				districtId,
				name,
				position: firstPosition + index,
				archivedAt: null,
				createdAt: at
			}))
		)
		.returning('id')
		.execute();
	return rows.map((row) => row.id);
}

export async function updateFundingSourceRow(
	db: Db,
	fundingSourceId: number,
	row: { name?: string; archivedAt?: string | null }
): Promise<void> {
	await db.updateTable('fundingSources').set(row).where('id', '=', fundingSourceId).execute();
}

/** Budget per funding source and year over the district's measures, for overview and report. */
export async function sumBudgetBySourceAndYear(db: Db, districtId: number) {
	return db
		.selectFrom('measureBudgets')
		.innerJoin('measures', 'measures.id', 'measureBudgets.measureId')
		.innerJoin('fundingSources', 'fundingSources.id', 'measureBudgets.fundingSourceId')
		.select((eb) => [
			'fundingSources.id as fundingSourceId',
			'fundingSources.name as fundingSourceName',
			'fundingSources.position',
			'measureBudgets.year',
			eb.fn.sum<number | string>('measureBudgets.plannedCents').as('plannedCents'),
			eb.fn.sum<number | string>('measureBudgets.spentCents').as('spentCents')
		])
		.where('measures.districtId', '=', districtId)
		.groupBy([
			'fundingSources.id',
			'fundingSources.name',
			'fundingSources.position',
			'measureBudgets.year'
		])
		.orderBy('measureBudgets.year')
		.orderBy('fundingSources.position')
		.execute();
}
