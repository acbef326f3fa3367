import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/schema.js';
import type { CallStatus, CommitteeCallsTable } from './calls.table.js';

/** All Kysely code of calls for candidates. */

export interface CallRow {
	id: number;
	committeeId: number;
	committeeName: string;
	committeeSlug: string;
	committeeIsPublic: number;
	districtId: number;
	termId: number | null;
	termStartsOn: string | null;
	termEndsOn: string | null;
	slug: string;
	title: string;
	text: string;
	seatsSought: number;
	eligibility: string;
	deadline: string;
	status: CallStatus;
	createdAt: string;
	updatedAt: string;
}

const selectCalls = (db: Db) =>
	db
		.selectFrom('committeeCalls')
		.innerJoin('committees', 'committees.id', 'committeeCalls.committeeId')
		.leftJoin('committeeTerms', 'committeeTerms.id', 'committeeCalls.termId')
		.select([
			'committeeCalls.id',
			'committeeCalls.committeeId',
			'committees.name as committeeName',
			'committees.slug as committeeSlug',
			'committees.isPublic as committeeIsPublic',
			'committees.districtId',
			'committeeCalls.termId',
			'committeeTerms.startsOn as termStartsOn',
			'committeeTerms.endsOn as termEndsOn',
			'committeeCalls.slug',
			'committeeCalls.title',
			'committeeCalls.text',
			'committeeCalls.seatsSought',
			'committeeCalls.eligibility',
			'committeeCalls.deadline',
			'committeeCalls.status',
			'committeeCalls.createdAt',
			'committeeCalls.updatedAt'
		]);

export async function findCallRow(db: Db, id: number): Promise<CallRow | undefined> {
	return selectCalls(db).where('committeeCalls.id', '=', id).executeTakeFirst();
}

export async function findCallRowBySlug(db: Db, slug: string): Promise<CallRow | undefined> {
	return selectCalls(db).where('committeeCalls.slug', '=', slug).executeTakeFirst();
}

/** A district's calls, the latest deadline first. */
export async function listCallRows(db: Db, districtId: number): Promise<CallRow[]> {
	return selectCalls(db)
		.where('committees.districtId', '=', districtId)
		.orderBy('committeeCalls.deadline', 'desc')
		.orderBy('committeeCalls.id', 'desc')
		.execute();
}

/** Open calls of every district whose deadline is today or later, the nearest deadline first. */
export async function listOpenCallRows(db: Db, today: string): Promise<CallRow[]> {
	return selectCalls(db)
		.where('committeeCalls.status', '=', 'open')
		.where('committeeCalls.deadline', '>=', today)
		.orderBy('committeeCalls.deadline')
		.orderBy('committeeCalls.id')
		.execute();
}

export async function slugsStartingWith(db: Db, prefix: string): Promise<Set<string>> {
	const rows = await db
		.selectFrom('committeeCalls')
		.select('slug')
		.where('slug', 'like', `${prefix}%`)
		.execute();
	return new Set(rows.map((row) => row.slug));
}

export async function insertCallRow(db: Db, row: Insertable<CommitteeCallsTable>): Promise<number> {
	return (
		await db.insertInto('committeeCalls').values(row).returning('id').executeTakeFirstOrThrow()
	).id;
}

export async function updateCallRow(
	db: Db,
	id: number,
	changes: Updateable<CommitteeCallsTable>
): Promise<void> {
	await db.updateTable('committeeCalls').set(changes).where('id', '=', id).execute();
}

/** The committee a call is for: its district and seats, to check a call against. */
export async function findCommitteeForCall(db: Db, committeeId: number) {
	return db
		.selectFrom('committees')
		.select(['id', 'districtId', 'name', 'seats'])
		.where('id', '=', committeeId)
		.executeTakeFirst();
}

export async function findTermForCall(db: Db, termId: number) {
	return db
		.selectFrom('committeeTerms')
		.select(['id', 'committeeId', 'startsOn', 'endsOn', 'seats'])
		.where('id', '=', termId)
		.executeTakeFirst();
}

/** The district's committees with their terms, to choose a call's from. */
export async function committeeChoices(db: Db, districtId: number) {
	const committees = await db
		.selectFrom('committees')
		.select(['id', 'name'])
		.where('districtId', '=', districtId)
		.orderBy('name')
		.execute();
	const terms = committees.length
		? await db
				.selectFrom('committeeTerms')
				.select(['id', 'committeeId', 'startsOn', 'endsOn'])
				.where(
					'committeeId',
					'in',
					committees.map((committee) => committee.id)
				)
				.orderBy('startsOn', 'desc')
				.execute()
		: [];
	return committees.map((committee) => ({
		...committee,
		terms: terms
			.filter((term) => term.committeeId === committee.id)
			.map(({ id, startsOn, endsOn }) => ({ id, startsOn, endsOn }))
	}));
}
