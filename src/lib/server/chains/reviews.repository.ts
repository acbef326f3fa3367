import type { Insertable } from 'kysely';
import type { Db } from '../db/schema.js';
import type { ChainReviewFindingsTable, ChainReviewsTable } from './chains.table.js';

/** Kysely code of chain reviews, their findings and the decisions taken in them. */

export async function insertReviewRow(db: Db, row: Insertable<ChainReviewsTable>): Promise<number> {
	const { id } = await db
		.insertInto('chainReviews')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function updateReviewSummary(db: Db, reviewId: number, summary: string) {
	await db.updateTable('chainReviews').set({ summary }).where('id', '=', reviewId).execute();
}

export type ReviewRow = Awaited<ReturnType<typeof findReviewRows>>[number];

/** The reviews of a chain (or the one asked for), latest meeting first, with their meeting. */
export async function findReviewRows(db: Db, where: { chainId: number } | { reviewId: number }) {
	let query = db
		.selectFrom('chainReviews')
		.innerJoin('meetings', 'meetings.id', 'chainReviews.meetingId')
		.innerJoin('networks', 'networks.id', 'meetings.networkId')
		.select([
			'chainReviews.id',
			'chainReviews.chainId',
			'chainReviews.meetingId',
			'chainReviews.summary',
			'chainReviews.createdAt',
			'meetings.title as meetingTitle',
			'meetings.startsAt as meetingStartsAt',
			'meetings.networkId',
			'networks.name as networkName'
		]);
	query =
		'chainId' in where
			? query.where('chainReviews.chainId', '=', where.chainId)
			: query.where('chainReviews.id', '=', where.reviewId);
	return query.orderBy('meetings.startsAt', 'desc').orderBy('chainReviews.id', 'desc').execute();
}

export async function findFindingRows(db: Db, reviewIds: readonly number[]) {
	if (reviewIds.length === 0) return [];
	return db
		.selectFrom('chainReviewFindings')
		.selectAll()
		.where('reviewId', 'in', reviewIds)
		.orderBy('id')
		.execute();
}

/**
 * Replaces the findings about the chain's stages and transitions; findings about a deleted stage,
 * kept by name only, stay.
 */
export async function replaceFindingRows(
	db: Db,
	reviewId: number,
	findings: Omit<Insertable<ChainReviewFindingsTable>, 'reviewId'>[]
): Promise<void> {
	await db
		.deleteFrom('chainReviewFindings')
		.where('reviewId', '=', reviewId)
		.where((eb) => eb.or([eb('stageId', 'is not', null), eb('transitionId', 'is not', null)]))
		.execute();
	if (findings.length)
		await db
			.insertInto('chainReviewFindings')
			.values(findings.map((finding) => ({ reviewId, ...finding })))
			.execute();
}

export async function findReviewDecisionRows(db: Db, reviewIds: readonly number[]) {
	if (reviewIds.length === 0) return [];
	return db
		.selectFrom('chainReviewDecisions')
		.select(['reviewId', 'decisionId', 'taskId'])
		.where('reviewId', 'in', reviewIds)
		.orderBy('decisionId')
		.execute();
}

export async function insertReviewDecisionRow(db: Db, reviewId: number, decisionId: number) {
	await db.insertInto('chainReviewDecisions').values({ reviewId, decisionId }).execute();
}

export async function setReviewDecisionTask(
	db: Db,
	reviewId: number,
	decisionId: number,
	taskId: number
) {
	await db
		.updateTable('chainReviewDecisions')
		.set({ taskId })
		.where('reviewId', '=', reviewId)
		.where('decisionId', '=', decisionId)
		.execute();
}
