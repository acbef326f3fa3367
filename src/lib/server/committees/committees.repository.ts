import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/schema.js';
import type {
	CommitteeFiguresTable,
	CommitteeMembersTable,
	CommitteeOfferKind,
	CommitteesTable,
	CommitteeTermsTable
} from './committees.table.js';

/** Kysely code of the committee register: committees, terms, members, figures, linked offers. */

const COMMITTEE_COLUMNS = [
	'committees.id',
	'committees.districtId',
	'committees.slug',
	'committees.name',
	'committees.type',
	'committees.body',
	'committees.organisationId',
	'committees.seats',
	'committees.meetingRhythm',
	'committees.contactId',
	'committees.contactText',
	'committees.description',
	'committees.isPublic',
	'committees.createdAt',
	'committees.updatedAt'
] as const;

export type CommitteeRow = Selectable<CommitteesTable> & {
	organisationName: string | null;
	contactName: string | null;
};

function committees(db: Db) {
	return db
		.selectFrom('committees')
		.leftJoin('organisations', 'organisations.id', 'committees.organisationId')
		.leftJoin('contacts', 'contacts.id', 'committees.contactId')
		.select([
			...COMMITTEE_COLUMNS,
			'organisations.name as organisationName',
			'contacts.name as contactName'
		]);
}

export async function findCommitteeRow(db: Db, id: number): Promise<CommitteeRow | undefined> {
	return committees(db).where('committees.id', '=', id).executeTakeFirst();
}

export async function findCommitteeRowBySlug(
	db: Db,
	districtId: number,
	slug: string
): Promise<CommitteeRow | undefined> {
	return committees(db)
		.where('committees.districtId', '=', districtId)
		.where('committees.slug', '=', slug)
		.executeTakeFirst();
}

export async function listCommitteeRows(
	db: Db,
	districtId: number,
	options: { publicOnly?: boolean } = {}
): Promise<CommitteeRow[]> {
	let query = committees(db).where('committees.districtId', '=', districtId);
	if (options.publicOnly) query = query.where('committees.isPublic', '=', 1);
	return query.orderBy('committees.name').orderBy('committees.id').execute();
}

export async function insertCommitteeRow(
	db: Db,
	row: Insertable<CommitteesTable>
): Promise<number> {
	const { id } = await db
		.insertInto('committees')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function updateCommitteeRow(
	db: Db,
	id: number,
	row: Updateable<CommitteesTable>
): Promise<void> {
	await db.updateTable('committees').set(row).where('id', '=', id).execute();
}

export async function deleteCommitteeRow(db: Db, id: number): Promise<void> {
	await db.deleteFrom('committees').where('id', '=', id).execute();
}

export async function findOrganisationDistrict(
	db: Db,
	organisationId: number
): Promise<number | undefined> {
	const row = await db
		.selectFrom('organisations')
		.select('districtId')
		.where('id', '=', organisationId)
		.executeTakeFirst();
	return row?.districtId;
}

export type TermRow = Selectable<CommitteeTermsTable>;
const TERM_COLUMNS = [
	'id',
	'committeeId',
	'startsOn',
	'endsOn',
	'seats',
	'createdAt',
	'updatedAt'
] as const;

export async function findTermRows(db: Db, committeeIds: readonly number[]): Promise<TermRow[]> {
	if (!committeeIds.length) return [];
	return db
		.selectFrom('committeeTerms')
		.select(TERM_COLUMNS)
		.where('committeeId', 'in', [...committeeIds])
		.orderBy('startsOn', 'desc')
		.orderBy('id', 'desc')
		.execute();
}

export async function findTermRow(db: Db, termId: number): Promise<TermRow | undefined> {
	return db
		.selectFrom('committeeTerms')
		.select(TERM_COLUMNS)
		.where('id', '=', termId)
		.executeTakeFirst();
}

export async function insertTermRow(db: Db, row: Insertable<CommitteeTermsTable>): Promise<number> {
	const { id } = await db
		.insertInto('committeeTerms')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function updateTermRow(
	db: Db,
	termId: number,
	row: Updateable<CommitteeTermsTable>
): Promise<void> {
	await db.updateTable('committeeTerms').set(row).where('id', '=', termId).execute();
}

export async function deleteTermRow(db: Db, termId: number): Promise<void> {
	await db.deleteFrom('committeeTerms').where('id', '=', termId).execute();
}

export type MemberRow = Selectable<CommitteeMembersTable> & {
	name: string;
	contactOrganisationId: number | null;
	organisationName: string | null;
};

export async function findMemberRows(db: Db, termIds: readonly number[]): Promise<MemberRow[]> {
	if (!termIds.length) return [];
	return db
		.selectFrom('committeeMembers')
		.innerJoin('contacts', 'contacts.id', 'committeeMembers.contactId')
		.leftJoin('organisations', 'organisations.id', 'contacts.organisationId')
		.select([
			'committeeMembers.id',
			'committeeMembers.termId',
			'committeeMembers.contactId',
			'committeeMembers.role',
			'committeeMembers.fromOn',
			'committeeMembers.toOn',
			'committeeMembers.createdAt',
			'committeeMembers.updatedAt',
			'contacts.name',
			'contacts.organisationId as contactOrganisationId',
			'organisations.name as organisationName'
		])
		.where('committeeMembers.termId', 'in', [...termIds])
		.orderBy('contacts.name')
		.orderBy('committeeMembers.id')
		.execute();
}

export async function findMemberRow(
	db: Db,
	memberId: number
): Promise<Selectable<CommitteeMembersTable> | undefined> {
	return db
		.selectFrom('committeeMembers')
		.select(['id', 'termId', 'contactId', 'role', 'fromOn', 'toOn', 'createdAt', 'updatedAt'])
		.where('id', '=', memberId)
		.executeTakeFirst();
}

export async function insertMemberRow(
	db: Db,
	row: Insertable<CommitteeMembersTable>
): Promise<number> {
	const { id } = await db
		.insertInto('committeeMembers')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function deleteMemberRow(db: Db, memberId: number): Promise<void> {
	await db.deleteFrom('committeeMembers').where('id', '=', memberId).execute();
}

/** The committees (by id) some of whose members work for one of the organisations. */
export async function committeeIdsWithMembersOf(
	db: Db,
	organisationIds: readonly number[]
): Promise<Set<number>> {
	if (!organisationIds.length) return new Set();
	const rows = await db
		.selectFrom('committeeMembers')
		.innerJoin('contacts', 'contacts.id', 'committeeMembers.contactId')
		.innerJoin('committeeTerms', 'committeeTerms.id', 'committeeMembers.termId')
		.select('committeeTerms.committeeId')
		.where('contacts.organisationId', 'in', [...organisationIds])
		.distinct()
		.execute();
	return new Set(rows.map((row) => row.committeeId));
}

export type FiguresRow = Selectable<CommitteeFiguresTable>;

/** The figures of the terms; the service keeps one record per term. */
export async function findFiguresRows(db: Db, termIds: readonly number[]): Promise<FiguresRow[]> {
	if (!termIds.length) return [];
	return db
		.selectFrom('committeeFigures')
		.select([
			'id',
			'termId',
			'recordedOn',
			'answered',
			'migrationHistory',
			'women',
			'men',
			'diverse',
			'genderNotStated',
			'recordedBy',
			'createdAt',
			'updatedAt'
		])
		.where('termId', 'in', [...termIds])
		.execute();
}

export async function replaceFiguresRow(
	db: Db,
	row: Insertable<CommitteeFiguresTable>
): Promise<number> {
	await db.deleteFrom('committeeFigures').where('termId', '=', row.termId).execute();
	const { id } = await db
		.insertInto('committeeFigures')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function deleteFiguresRows(db: Db, termId: number): Promise<number> {
	const result = await db
		.deleteFrom('committeeFigures')
		.where('termId', '=', termId)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export interface LinkedOfferRow {
	committeeId: number;
	offerId: number;
	kind: CommitteeOfferKind;
	title: string;
	slug: string;
	status: string;
}

export async function findLinkedOfferRows(
	db: Db,
	committeeIds: readonly number[]
): Promise<LinkedOfferRow[]> {
	if (!committeeIds.length) return [];
	return db
		.selectFrom('committeeOffers')
		.innerJoin('offers', 'offers.id', 'committeeOffers.offerId')
		.select([
			'committeeOffers.committeeId',
			'committeeOffers.offerId',
			'committeeOffers.kind',
			'offers.title',
			'offers.slug',
			'offers.status'
		])
		.where('committeeOffers.committeeId', 'in', [...committeeIds])
		.orderBy('offers.title')
		.execute();
}

export async function findOfferDistrict(db: Db, offerId: number): Promise<number | undefined> {
	const row = await db
		.selectFrom('offers')
		.select('districtId')
		.where('id', '=', offerId)
		.executeTakeFirst();
	return row?.districtId;
}

export async function linkOfferRow(
	db: Db,
	committeeId: number,
	offerId: number,
	kind: CommitteeOfferKind
): Promise<void> {
	await db
		.insertInto('committeeOffers')
		.values({ committeeId, offerId, kind })
		.onConflict((oc) => oc.columns(['committeeId', 'offerId']).doUpdateSet({ kind }))
		.execute();
}

export async function unlinkOfferRow(
	db: Db,
	committeeId: number,
	offerId: number
): Promise<number> {
	const result = await db
		.deleteFrom('committeeOffers')
		.where('committeeId', '=', committeeId)
		.where('offerId', '=', offerId)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
