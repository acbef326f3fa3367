import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/schema.js';
import type { MeasuresTable } from './measures.table.js';

/** All Kysely code of measures: the measure row, its link tables and its history. */

const MEASURE_COLUMNS = [
	'measures.id',
	'measures.districtId',
	'measures.title',
	'measures.description',
	'measures.status',
	'measures.statusOn',
	'measures.statusReason',
	'measures.leadOrganisationId',
	'measures.responsibleContactId',
	'measures.startsOn',
	'measures.endsOn',
	'measures.progressMode',
	'measures.isPublic',
	'measures.decisionId',
	'measures.createdAt',
	'measures.updatedAt'
] as const;

function measuresWithNames(db: Db) {
	return db
		.selectFrom('measures')
		.leftJoin('organisations as lead', 'lead.id', 'measures.leadOrganisationId')
		.leftJoin('contacts as responsible', 'responsible.id', 'measures.responsibleContactId')
		.select([
			...MEASURE_COLUMNS,
			'lead.name as leadOrganisationName',
			'responsible.name as responsibleName',
			'responsible.anonymisedAt as responsibleAnonymisedAt'
		]);
}

export type MeasureRow = Awaited<
	ReturnType<ReturnType<typeof measuresWithNames>['execute']>
>[number];

export async function findMeasureRow(db: Db, measureId: number): Promise<MeasureRow | undefined> {
	return measuresWithNames(db).where('measures.id', '=', measureId).executeTakeFirst();
}

/** The district's measures; with `organisationIds` only those led by or partnered with them. */
export async function listMeasureRows(
	db: Db,
	districtId: number,
	organisationIds?: readonly number[]
): Promise<MeasureRow[]> {
	let query = measuresWithNames(db).where('measures.districtId', '=', districtId);
	if (organisationIds)
		query = query.where((eb) =>
			organisationIds.length
				? eb.or([
						eb('measures.leadOrganisationId', 'in', organisationIds),
						eb(
							'measures.id',
							'in',
							eb
								.selectFrom('measurePartners')
								.select('measureId')
								.where('organisationId', 'in', organisationIds)
						)
					])
				: eb.val(false)
		);
	return query.orderBy('measures.title').orderBy('measures.id').execute();
}

export async function insertMeasure(db: Db, row: Insertable<MeasuresTable>): Promise<number> {
	const inserted = await db
		.insertInto('measures')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return inserted.id;
}

export async function updateMeasureRow(
	db: Db,
	measureId: number,
	row: Updateable<MeasuresTable>
): Promise<void> {
	await db.updateTable('measures').set(row).where('id', '=', measureId).execute();
}

/** Replaces the measure's action fields, goals and partner organisations. */
export async function replaceMeasureLinks(
	db: Db,
	measureId: number,
	links: {
		actionFields: readonly string[];
		goalIds: readonly number[];
		partnerIds: readonly number[];
	}
): Promise<void> {
	await db.deleteFrom('measureActionFields').where('measureId', '=', measureId).execute();
	await db.deleteFrom('measureGoals').where('measureId', '=', measureId).execute();
	await db.deleteFrom('measurePartners').where('measureId', '=', measureId).execute();
	if (links.actionFields.length)
		await db
			.insertInto('measureActionFields')
			.values(links.actionFields.map((actionField) => ({ measureId, actionField })))
			.execute();
	if (links.goalIds.length)
		await db
			.insertInto('measureGoals')
			.values(links.goalIds.map((goalId) => ({ measureId, goalId })))
			.execute();
	if (links.partnerIds.length)
		await db
			.insertInto('measurePartners')
			.values(links.partnerIds.map((organisationId) => ({ measureId, organisationId })))
			.execute();
}

export async function replaceLinks(
	db: Db,
	measureId: number,
	links: readonly { title: string; url: string }[]
): Promise<void> {
	await db.deleteFrom('measureLinks').where('measureId', '=', measureId).execute();
	if (links.length)
		await db
			.insertInto('measureLinks')
			.values(links.map((link, position) => ({ measureId, ...link, position })))
			.execute();
}

export async function findActionFields(db: Db, measureIds: readonly number[]) {
	if (!measureIds.length) return [];
	return db
		.selectFrom('measureActionFields')
		.select(['measureId', 'actionField'])
		.where('measureId', 'in', measureIds)
		.execute();
}

export async function findPartners(db: Db, measureIds: readonly number[]) {
	if (!measureIds.length) return [];
	return db
		.selectFrom('measurePartners')
		.innerJoin('organisations', 'organisations.id', 'measurePartners.organisationId')
		.select(['measurePartners.measureId', 'organisations.id', 'organisations.name'])
		.where('measurePartners.measureId', 'in', measureIds)
		.orderBy('organisations.name')
		.execute();
}

export async function findGoalLinks(db: Db, measureIds: readonly number[]) {
	if (!measureIds.length) return [];
	return db
		.selectFrom('measureGoals')
		.innerJoin('goals', 'goals.id', 'measureGoals.goalId')
		.select(['measureGoals.measureId', 'goals.id', 'goals.text', 'goals.actionField'])
		.where('measureGoals.measureId', 'in', measureIds)
		.orderBy('goals.position')
		.execute();
}

export async function findContact(db: Db, contactId: number) {
	return db
		.selectFrom('contacts')
		.select(['districtId', 'anonymisedAt'])
		.where('id', '=', contactId)
		.executeTakeFirst();
}

export async function insertUpdate(
	db: Db,
	row: {
		measureId: number;
		recordedAt: string;
		recordedBy: number;
		status: MeasuresTable['status'] | null;
		progress: number | null;
		note: string;
	}
): Promise<void> {
	await db.insertInto('measureUpdates').values(row).execute();
}

export async function findUpdates(db: Db, measureIds: readonly number[]) {
	if (!measureIds.length) return [];
	return db
		.selectFrom('measureUpdates')
		.leftJoin('users', 'users.id', 'measureUpdates.recordedBy')
		.select([
			'measureUpdates.id',
			'measureUpdates.measureId',
			'measureUpdates.recordedAt',
			'measureUpdates.status',
			'measureUpdates.progress',
			'measureUpdates.note',
			'users.name as recordedByName'
		])
		.where('measureUpdates.measureId', 'in', measureIds)
		.orderBy('measureUpdates.recordedAt', 'desc')
		.orderBy('measureUpdates.id', 'desc')
		.execute();
}

/** Measures and milestones that came from the decisions, for the minutes. */
export async function findByDecisions(db: Db, districtId: number, decisionIds: readonly number[]) {
	if (!decisionIds.length) return { measures: [], milestones: [] };
	const measures = await db
		.selectFrom('measures')
		.select(['id', 'title', 'decisionId'])
		.where('districtId', '=', districtId)
		.where('decisionId', 'in', decisionIds)
		.execute();
	const milestones = await db
		.selectFrom('measureMilestones')
		.innerJoin('measures', 'measures.id', 'measureMilestones.measureId')
		.select([
			'measures.id',
			'measures.title',
			'measureMilestones.decisionId',
			'measureMilestones.title as milestoneTitle'
		])
		.where('measures.districtId', '=', districtId)
		.where('measureMilestones.decisionId', 'in', decisionIds)
		.execute();
	return { measures, milestones };
}
