import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/schema.js';
import type {
	ConceptVersionsTable,
	GoalsTable,
	IndicatorsTable,
	IndicatorValuesTable
} from './measures.table.js';

/** All Kysely code of the integration concept: versions, goals, indicators and their values. */

export type ConceptVersionRow = Omit<Selectable<ConceptVersionsTable>, 'createdAt'>;
const VERSION_COLUMNS = [
	'id',
	'districtId',
	'title',
	'adoptedOn',
	'periodFrom',
	'periodTo',
	'documentUrl',
	'updatedAt'
] as const;

export async function insertConceptVersion(
	db: Db,
	row: Insertable<ConceptVersionsTable>
): Promise<number> {
	const inserted = await db
		.insertInto('conceptVersions')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return inserted.id;
}

export async function updateConceptVersionRow(
	db: Db,
	id: number,
	changes: Updateable<ConceptVersionsTable>
): Promise<void> {
	await db.updateTable('conceptVersions').set(changes).where('id', '=', id).execute();
}

export function findConceptVersionRow(db: Db, id: number): Promise<ConceptVersionRow | undefined> {
	return db
		.selectFrom('conceptVersions')
		.select(VERSION_COLUMNS)
		.where('id', '=', id)
		.executeTakeFirst();
}

/** The district's versions, newest adoption first. */
export function listConceptVersionRows(db: Db, districtId: number): Promise<ConceptVersionRow[]> {
	return db
		.selectFrom('conceptVersions')
		.select(VERSION_COLUMNS)
		.where('districtId', '=', districtId)
		.orderBy('adoptedOn', 'desc')
		.orderBy('id', 'desc')
		.execute();
}

/** The periods that hold values in a version, for checking a change of its years. */
export async function findValuePeriodsOfVersion(db: Db, versionId: number): Promise<string[]> {
	const rows = await db
		.selectFrom('indicatorValues')
		.innerJoin('indicators', 'indicators.id', 'indicatorValues.indicatorId')
		.innerJoin('goals', 'goals.id', 'indicators.goalId')
		.select('indicatorValues.period')
		.distinct()
		.where('goals.conceptVersionId', '=', versionId)
		.execute();
	return rows.map((row) => row.period);
}

export type GoalRow = Omit<Selectable<GoalsTable>, 'createdAt'> & { districtId: number };
const GOAL_COLUMNS = [
	'goals.id',
	'goals.conceptVersionId',
	'goals.actionField',
	'goals.parentId',
	'goals.position',
	'goals.text',
	'goals.updatedAt',
	'conceptVersions.districtId'
] as const;

export async function insertGoal(db: Db, row: Insertable<GoalsTable>): Promise<number> {
	const inserted = await db
		.insertInto('goals')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return inserted.id;
}

export function findGoalRow(db: Db, id: number): Promise<GoalRow | undefined> {
	return db
		.selectFrom('goals')
		.innerJoin('conceptVersions', 'conceptVersions.id', 'goals.conceptVersionId')
		.select(GOAL_COLUMNS)
		.where('goals.id', '=', id)
		.executeTakeFirst();
}

/** A version's goals: guiding goals before sub-goals, each in their order. */
export function listGoalRows(db: Db, versionId: number): Promise<GoalRow[]> {
	return db
		.selectFrom('goals')
		.innerJoin('conceptVersions', 'conceptVersions.id', 'goals.conceptVersionId')
		.select(GOAL_COLUMNS)
		.where('goals.conceptVersionId', '=', versionId)
		.orderBy('goals.actionField')
		.orderBy('goals.position')
		.orderBy('goals.id')
		.execute();
}

/** The goals of the district's concepts a measure can serve, per action field. */
export async function findDistrictGoals(db: Db, districtId: number) {
	return db
		.selectFrom('goals')
		.innerJoin('conceptVersions', 'conceptVersions.id', 'goals.conceptVersionId')
		.select(['goals.id', 'goals.actionField', 'goals.text', 'goals.parentId'])
		.where('conceptVersions.districtId', '=', districtId)
		.orderBy('conceptVersions.adoptedOn', 'desc')
		.orderBy('goals.actionField')
		.orderBy('goals.position')
		.execute();
}

export async function nextGoalPosition(
	db: Db,
	versionId: number,
	actionField: string
): Promise<number> {
	const row = await db
		.selectFrom('goals')
		.select((eb) => eb.fn.max('position').as('position'))
		.where('conceptVersionId', '=', versionId)
		.where('actionField', '=', actionField)
		.executeTakeFirst();
	return Number(row?.position ?? 0) + 1;
}

export async function updateGoalText(
	db: Db,
	id: number,
	text: string,
	updatedAt: string
): Promise<void> {
	await db.updateTable('goals').set({ text, updatedAt }).where('id', '=', id).execute();
}

/** Deletes goals; their indicators and values go with them (foreign keys cascade). */
export async function deleteGoalRows(db: Db, ids: number[]): Promise<void> {
	if (ids.length === 0) return;
	await db.deleteFrom('goals').where('id', 'in', ids).execute();
}

/** The measures that serve any of the goals, with the goal each serves. */
export function findMeasureGoalLinks(
	db: Db,
	goalIds: number[]
): Promise<{ measureId: number; goalId: number; title: string }[]> {
	if (goalIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('measureGoals')
		.innerJoin('measures', 'measures.id', 'measureGoals.measureId')
		.select(['measureGoals.measureId', 'measureGoals.goalId', 'measures.title'])
		.where('measureGoals.goalId', 'in', goalIds)
		.orderBy('measures.title')
		.execute();
}

export async function linkMeasureToGoal(db: Db, measureId: number, goalId: number): Promise<void> {
	await db
		.insertInto('measureGoals')
		.values({ measureId, goalId })
		.onConflict((oc) => oc.columns(['measureId', 'goalId']).doNothing())
		.execute();
}

export async function unlinkMeasuresFromGoals(db: Db, goalIds: number[]): Promise<void> {
	if (goalIds.length === 0) return;
	await db.deleteFrom('measureGoals').where('goalId', 'in', goalIds).execute();
}

export type IndicatorRow = Omit<Selectable<IndicatorsTable>, 'createdAt'>;
const INDICATOR_COLUMNS = [
	'id',
	'goalId',
	'position',
	'name',
	'unit',
	'direction',
	'periodKind',
	'baselineValue',
	'baselineOn',
	'targetValue',
	'targetYear',
	'computation',
	'computationParameter',
	'updatedAt'
] as const;

export async function insertIndicator(db: Db, row: Insertable<IndicatorsTable>): Promise<number> {
	const inserted = await db
		.insertInto('indicators')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return inserted.id;
}

export async function updateIndicatorRow(
	db: Db,
	id: number,
	changes: Updateable<IndicatorsTable>
): Promise<void> {
	await db.updateTable('indicators').set(changes).where('id', '=', id).execute();
}

export async function deleteIndicatorRow(db: Db, id: number): Promise<void> {
	await db.deleteFrom('indicators').where('id', '=', id).execute();
}

export function findIndicatorRow(db: Db, id: number): Promise<IndicatorRow | undefined> {
	return db
		.selectFrom('indicators')
		.select(INDICATOR_COLUMNS)
		.where('id', '=', id)
		.executeTakeFirst();
}

export function listIndicatorRows(db: Db, goalIds: number[]): Promise<IndicatorRow[]> {
	if (goalIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('indicators')
		.select(INDICATOR_COLUMNS)
		.where('goalId', 'in', goalIds)
		.orderBy('goalId')
		.orderBy('position')
		.orderBy('id')
		.execute();
}

export async function nextIndicatorPosition(db: Db, goalId: number): Promise<number> {
	const row = await db
		.selectFrom('indicators')
		.select((eb) => eb.fn.max('position').as('position'))
		.where('goalId', '=', goalId)
		.executeTakeFirst();
	return Number(row?.position ?? 0) + 1;
}

/** Every computed indicator with what its computation needs, for the snapshot job. */
export function listComputedIndicatorIds(db: Db): Promise<{ id: number }[]> {
	return db
		.selectFrom('indicators')
		.select('id')
		.where('computation', 'is not', null)
		.orderBy('id')
		.execute();
}

export type ValueRow = Omit<Selectable<IndicatorValuesTable>, 'recordedBy'>;
const VALUE_COLUMNS = [
	'id',
	'indicatorId',
	'period',
	'value',
	'source',
	'note',
	'computedAt',
	'recordedAt'
] as const;

export function findValueRows(db: Db, indicatorIds: number[]): Promise<ValueRow[]> {
	if (indicatorIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('indicatorValues')
		.select(VALUE_COLUMNS)
		.where('indicatorId', 'in', indicatorIds)
		.orderBy('indicatorId')
		.orderBy('period')
		.execute();
}

export function findValueRow(db: Db, id: number): Promise<ValueRow | undefined> {
	return db
		.selectFrom('indicatorValues')
		.select(VALUE_COLUMNS)
		.where('id', '=', id)
		.executeTakeFirst();
}

/** Writes an entered value; a second entry for the same period replaces the first. */
export async function upsertEnteredValue(
	db: Db,
	row: Insertable<IndicatorValuesTable>
): Promise<void> {
	await db
		.insertInto('indicatorValues')
		.values(row)
		.onConflict((oc) =>
			oc.columns(['indicatorId', 'period']).doUpdateSet({
				value: row.value,
				source: row.source ?? '',
				note: row.note ?? '',
				recordedBy: row.recordedBy ?? null,
				recordedAt: row.recordedAt
			})
		)
		.execute();
}

/**
 * Stores a snapshot unless the period has one: of two processes freezing the same period at
 * once, the first wins and the second reads what it wrote.
 */
export async function insertSnapshot(db: Db, row: Insertable<IndicatorValuesTable>): Promise<void> {
	await db
		.insertInto('indicatorValues')
		.values(row)
		.onConflict((oc) => oc.columns(['indicatorId', 'period']).doNothing())
		.execute();
}

export async function deleteValueRow(db: Db, id: number): Promise<void> {
	await db.deleteFrom('indicatorValues').where('id', '=', id).execute();
}

export async function countValues(db: Db, indicatorId: number): Promise<number> {
	const row = await db
		.selectFrom('indicatorValues')
		.select((eb) => eb.fn.countAll().as('count'))
		.where('indicatorId', '=', indicatorId)
		.executeTakeFirst();
	return Number(row?.count ?? 0);
}
