import type { Insertable } from 'kysely';
import type { Db } from '../db/schema.js';
import type { ChainFrictionReportsTable } from './chains.table.js';

/** Kysely code of the friction reports partners write at a transition. */

export type FrictionRow = Awaited<ReturnType<typeof findFrictionRows>>[number];

/** The reports at a transition, newest first, with the reporting organisation's name. */
export async function findFrictionRows(db: Db, transitionId: number) {
	return db
		.selectFrom('chainFrictionReports')
		.leftJoin('organisations', 'organisations.id', 'chainFrictionReports.organisationId')
		.selectAll('chainFrictionReports')
		.select('organisations.name as organisationName')
		.where('chainFrictionReports.transitionId', '=', transitionId)
		.orderBy('chainFrictionReports.createdAt', 'desc')
		.orderBy('chainFrictionReports.id', 'desc')
		.execute();
}

export async function findFrictionRow(db: Db, reportId: number) {
	return db
		.selectFrom('chainFrictionReports')
		.selectAll()
		.where('id', '=', reportId)
		.executeTakeFirst();
}

export async function insertFrictionRow(
	db: Db,
	row: Insertable<ChainFrictionReportsTable>
): Promise<number> {
	const { id } = await db
		.insertInto('chainFrictionReports')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function acknowledgeFrictionRow(
	db: Db,
	reportId: number,
	acknowledgedBy: number,
	acknowledgedAt: string
): Promise<void> {
	await db
		.updateTable('chainFrictionReports')
		.set({ acknowledgedAt, acknowledgedBy })
		.where('id', '=', reportId)
		.execute();
}

/**
 * Reports per transition of a chain, all and not yet acknowledged; with `organisationIds` only
 * those of these organisations.
 */
export async function countFrictionByTransition(
	db: Db,
	chainId: number,
	organisationIds?: readonly number[]
) {
	if (organisationIds && organisationIds.length === 0) return [];
	let query = db
		.selectFrom('chainFrictionReports')
		.innerJoin('chainTransitions', 'chainTransitions.id', 'chainFrictionReports.transitionId')
		.select((eb) => [
			'chainFrictionReports.transitionId',
			eb.fn.countAll<string | number>().as('total'),
			eb.fn
				.sum<string | number | null>(
					eb.case().when('chainFrictionReports.acknowledgedAt', 'is', null).then(1).else(0).end()
				)
				.as('open')
		])
		.where('chainTransitions.chainId', '=', chainId)
		.groupBy('chainFrictionReports.transitionId');
	if (organisationIds)
		query = query.where('chainFrictionReports.organisationId', 'in', organisationIds);
	return query.execute();
}
