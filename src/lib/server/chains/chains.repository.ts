import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/schema.js';
import type {
	ChainsTable,
	ChainStagesTable,
	ChainTransitionsTable,
	StageOfferMode
} from './chains.table.js';

/** Kysely code of chains, their stages, the offers chosen by hand and the transitions. */

const CHAIN_COLUMNS = [
	'id',
	'districtId',
	'slug',
	'title',
	'publicTitle',
	'introduction',
	'isPublic',
	'createdAt',
	'updatedAt'
] as const;

export type ChainRow = Selectable<ChainsTable>;

export async function findChainRow(db: Db, chainId: number): Promise<ChainRow | undefined> {
	return db.selectFrom('chains').select(CHAIN_COLUMNS).where('id', '=', chainId).executeTakeFirst();
}

export async function findChainRowBySlug(
	db: Db,
	districtId: number,
	slug: string
): Promise<ChainRow | undefined> {
	return db
		.selectFrom('chains')
		.select(CHAIN_COLUMNS)
		.where('districtId', '=', districtId)
		.where('slug', '=', slug)
		.executeTakeFirst();
}

export async function listChainRows(
	db: Db,
	districtId: number,
	options: { publicOnly?: boolean } = {}
): Promise<ChainRow[]> {
	let query = db.selectFrom('chains').select(CHAIN_COLUMNS).where('districtId', '=', districtId);
	if (options.publicOnly) query = query.where('isPublic', '=', 1);
	return query.orderBy('title').orderBy('id').execute();
}

export async function insertChainRow(db: Db, row: Insertable<ChainsTable>): Promise<number> {
	const { id } = await db
		.insertInto('chains')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function updateChainRow(
	db: Db,
	chainId: number,
	row: Updateable<ChainsTable>
): Promise<void> {
	await db.updateTable('chains').set(row).where('id', '=', chainId).execute();
}

export async function deleteChainRow(db: Db, chainId: number): Promise<void> {
	await db.deleteFrom('chains').where('id', '=', chainId).execute();
}

export async function findChainActionFields(
	db: Db,
	chainIds: readonly number[]
): Promise<{ chainId: number; actionField: string }[]> {
	if (chainIds.length === 0) return [];
	return db
		.selectFrom('chainActionFields')
		.select(['chainId', 'actionField'])
		.where('chainId', 'in', chainIds)
		.orderBy('actionField')
		.execute();
}

export async function replaceChainActionFields(
	db: Db,
	chainId: number,
	actionFields: readonly string[]
): Promise<void> {
	await db.deleteFrom('chainActionFields').where('chainId', '=', chainId).execute();
	if (actionFields.length)
		await db
			.insertInto('chainActionFields')
			.values(actionFields.map((actionField) => ({ chainId, actionField })))
			.execute();
}

export type StageRow = Awaited<ReturnType<typeof findStageRows>>[number];

/** The stages of the given chains in their positions. */
export async function findStageRows(db: Db, chainIds: readonly number[]) {
	if (chainIds.length === 0) return [];
	return db
		.selectFrom('chainStages')
		.selectAll()
		.where('chainId', 'in', chainIds)
		.orderBy('chainId')
		.orderBy('position')
		.orderBy('id')
		.execute();
}

export async function findStageRow(db: Db, stageId: number): Promise<StageRow | undefined> {
	return db.selectFrom('chainStages').selectAll().where('id', '=', stageId).executeTakeFirst();
}

export async function insertStageRow(db: Db, row: Insertable<ChainStagesTable>): Promise<number> {
	const { id } = await db
		.insertInto('chainStages')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function updateStageRow(
	db: Db,
	stageId: number,
	row: Updateable<ChainStagesTable>
): Promise<void> {
	await db.updateTable('chainStages').set(row).where('id', '=', stageId).execute();
}

export async function deleteStageRow(db: Db, stageId: number): Promise<void> {
	await db.deleteFrom('chainStages').where('id', '=', stageId).execute();
}

/** Offers included in or excluded from the given stages by hand. */
export async function findStageOfferRows(
	db: Db,
	stageIds: readonly number[]
): Promise<{ stageId: number; offerId: number; mode: StageOfferMode }[]> {
	if (stageIds.length === 0) return [];
	return db
		.selectFrom('chainStageOffers')
		.select(['stageId', 'offerId', 'mode'])
		.where('stageId', 'in', stageIds)
		.orderBy('stageId')
		.orderBy('offerId')
		.execute();
}

export async function replaceStageOffers(
	db: Db,
	stageId: number,
	offers: { offerId: number; mode: StageOfferMode }[]
): Promise<void> {
	await db.deleteFrom('chainStageOffers').where('stageId', '=', stageId).execute();
	if (offers.length)
		await db
			.insertInto('chainStageOffers')
			.values(offers.map((offer) => ({ stageId, ...offer })))
			.execute();
}

export type TransitionRow = Awaited<ReturnType<typeof findTransitionRows>>[number];

/** The transitions of the given chains with the names of the organisations on both sides. */
export async function findTransitionRows(db: Db, chainIds: readonly number[]) {
	if (chainIds.length === 0) return [];
	return db
		.selectFrom('chainTransitions')
		.leftJoin('organisations as fromOrg', 'fromOrg.id', 'chainTransitions.fromOrganisationId')
		.leftJoin('organisations as toOrg', 'toOrg.id', 'chainTransitions.toOrganisationId')
		.selectAll('chainTransitions')
		.select(['fromOrg.name as fromOrganisationName', 'toOrg.name as toOrganisationName'])
		.where('chainTransitions.chainId', 'in', chainIds)
		.orderBy('chainTransitions.id')
		.execute();
}

export async function insertTransitionRow(
	db: Db,
	row: Insertable<ChainTransitionsTable>
): Promise<number> {
	const { id } = await db
		.insertInto('chainTransitions')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function updateTransitionRow(
	db: Db,
	transitionId: number,
	row: Updateable<ChainTransitionsTable>
): Promise<void> {
	await db.updateTable('chainTransitions').set(row).where('id', '=', transitionId).execute();
}

export async function deleteTransitionRows(
	db: Db,
	transitionIds: readonly number[]
): Promise<void> {
	if (transitionIds.length)
		await db.deleteFrom('chainTransitions').where('id', 'in', transitionIds).execute();
}

/** How many friction reports the given transitions have. */
export async function countFrictionReports(
	db: Db,
	transitionIds: readonly number[]
): Promise<number> {
	if (transitionIds.length === 0) return 0;
	const row = await db
		.selectFrom('chainFrictionReports')
		.select((eb) => eb.fn.countAll<string | number>().as('count'))
		.where('transitionId', 'in', transitionIds)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

/** Review findings about a stage or about any of the given transitions. */
function findingsAbout(db: Db, stageId: number, transitionIds: readonly number[]) {
	return db
		.selectFrom('chainReviewFindings')
		.where((eb) =>
			transitionIds.length
				? eb.or([eb('stageId', '=', stageId), eb('transitionId', 'in', transitionIds)])
				: eb('stageId', '=', stageId)
		);
}

export async function countFindingsAbout(
	db: Db,
	stageId: number,
	transitionIds: readonly number[]
): Promise<number> {
	const row = await findingsAbout(db, stageId, transitionIds)
		.select((eb) => eb.fn.countAll<string | number>().as('count'))
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

export async function deleteFindingsAbout(
	db: Db,
	stageId: number,
	transitionIds: readonly number[]
): Promise<void> {
	const ids = await findingsAbout(db, stageId, transitionIds).select('id').execute();
	if (ids.length)
		await db
			.deleteFrom('chainReviewFindings')
			.where(
				'id',
				'in',
				ids.map((row) => row.id)
			)
			.execute();
}

export async function findTransitionChainId(
	db: Db,
	transitionId: number
): Promise<number | undefined> {
	const row = await db
		.selectFrom('chainTransitions')
		.select('chainId')
		.where('id', '=', transitionId)
		.executeTakeFirst();
	return row?.chainId;
}
