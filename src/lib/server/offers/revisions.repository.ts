import type { Db } from '../db/schema.js';
import type { OfferContent } from './offer-content.js';
import type { RevisionState } from './revisions.table.js';

/** States of a revision someone is still working on or reviewing. */
export const OPEN_STATES: RevisionState[] = ['draft', 'submitted', 'changes_requested'];

export interface Revision {
	id: number;
	offerId: number;
	number: number;
	state: RevisionState;
	content: OfferContent;
	reviewComment: string | null;
	authorId: number | null;
	authorName: string | null;
	/** Null on an approved base recorded outside the review (seeded, imported, backfilled). */
	reviewerId: number | null;
	reviewerName: string | null;
	createdAt: string;
	updatedAt: string;
	submittedAt: string | null;
	reviewedAt: string | null;
}

function revisionsQuery(db: Db) {
	return db
		.selectFrom('offerRevisions as r')
		.leftJoin('users as author', 'author.id', 'r.authorId')
		.leftJoin('users as reviewer', 'reviewer.id', 'r.reviewerId')
		.select([
			'r.id',
			'r.offerId',
			'r.number',
			'r.state',
			'r.content',
			'r.reviewComment',
			'r.authorId',
			'author.name as authorName',
			'r.reviewerId',
			'reviewer.name as reviewerName',
			'r.createdAt',
			'r.updatedAt',
			'r.submittedAt',
			'r.reviewedAt'
		]);
}

const parse = (row: Omit<Revision, 'content'> & { content: string }): Revision => ({
	...row,
	content: JSON.parse(row.content) as OfferContent
});

/** Every revision of an offer, oldest first. */
export async function findRevisions(db: Db, offerId: number): Promise<Revision[]> {
	const rows = await revisionsQuery(db)
		.where('r.offerId', '=', offerId)
		.orderBy('r.number')
		.execute();
	return rows.map(parse);
}

export async function findOpenRevision(db: Db, offerId: number): Promise<Revision | undefined> {
	const row = await revisionsQuery(db)
		.where('r.offerId', '=', offerId)
		.where('r.state', 'in', OPEN_STATES)
		.orderBy('r.number', 'desc')
		.executeTakeFirst();
	return row && parse(row);
}

export async function insertRevision(
	db: Db,
	values: { offerId: number; content: OfferContent; authorId: number; at: string }
): Promise<void> {
	const last = await db
		.selectFrom('offerRevisions')
		.select((eb) => eb.fn.max('number').as('number'))
		.where('offerId', '=', values.offerId)
		.executeTakeFirst();
	await db
		.insertInto('offerRevisions')
		.values({
			offerId: values.offerId,
			number: Number(last?.number ?? 0) + 1,
			state: 'draft',
			content: JSON.stringify(values.content),
			authorId: values.authorId,
			createdAt: values.at,
			updatedAt: values.at
		})
		.execute();
}

export async function updateRevision(
	db: Db,
	revisionId: number,
	values: {
		state?: RevisionState;
		content?: OfferContent;
		authorId?: number;
		reviewerId?: number;
		reviewComment?: string | null;
		submittedAt?: string;
		reviewedAt?: string;
		at: string;
	}
): Promise<void> {
	const { content, at, ...rest } = values;
	await db
		.updateTable('offerRevisions')
		.set({
			...rest,
			...(content ? { content: JSON.stringify(content) } : {}),
			updatedAt: at
		})
		.where('id', '=', revisionId)
		.execute();
}

export interface OfferListRow {
	id: number;
	slug: string;
	title: string;
	status: string;
	organisationId: number;
	organisationName: string;
	updatedAt: string;
	lastVerifiedAt: string;
	openState: RevisionState | null;
	openTitle: string | null;
	openUpdatedAt: string | null;
}

/** Offers of a district (optionally of some organisations only) with their open revision. */
export async function findOfferList(
	db: Db,
	districtId: number,
	options: { organisationIds?: readonly number[]; openState?: RevisionState }
): Promise<OfferListRow[]> {
	let query = db
		.selectFrom('offers')
		.innerJoin('organisations', 'organisations.id', 'offers.organisationId')
		.leftJoin('offerRevisions as open', (join) =>
			join.onRef('open.offerId', '=', 'offers.id').on('open.state', 'in', OPEN_STATES)
		)
		.select([
			'offers.id',
			'offers.slug',
			'offers.title',
			'offers.status',
			'offers.organisationId',
			'organisations.name as organisationName',
			'offers.updatedAt',
			'offers.lastVerifiedAt',
			'open.state as openState',
			'open.content as openContent',
			'open.updatedAt as openUpdatedAt'
		])
		.where('offers.districtId', '=', districtId);
	if (options.organisationIds)
		query = query.where(
			'offers.organisationId',
			'in',
			options.organisationIds.length ? options.organisationIds : [0]
		);
	if (options.openState) query = query.where('open.state', '=', options.openState);
	const rows = await query
		.orderBy((eb) => eb.fn.coalesce('open.updatedAt', 'offers.updatedAt'), 'desc')
		.orderBy('offers.title')
		.execute();
	return rows.map(({ openContent, ...row }) => ({
		...row,
		openState: row.openState as RevisionState | null,
		openTitle: openContent ? (JSON.parse(openContent) as OfferContent).offer.title : null
	}));
}

/** Active coordinators of a district: they review submitted offers. */
export async function findReviewerEmails(db: Db, districtId: number): Promise<string[]> {
	const rows = await db
		.selectFrom('users')
		.select('email')
		.where('districtId', '=', districtId)
		.where('role', '=', 'coordinator')
		.where('disabledAt', 'is', null)
		.orderBy('email')
		.execute();
	return rows.map((row) => row.email);
}

/** Name and e-mail of an active account, for mail about its work. */
export async function findActiveUser(db: Db, userId: number | null) {
	if (userId === null) return undefined;
	return db
		.selectFrom('users')
		.select(['name', 'email'])
		.where('id', '=', userId)
		.where('disabledAt', 'is', null)
		.executeTakeFirst();
}

export async function findSlug(db: Db, offerId: number): Promise<string> {
	const row = await db
		.selectFrom('offers')
		.select('slug')
		.where('id', '=', offerId)
		.executeTakeFirstOrThrow();
	return row.slug;
}

/** The newest approved revision of an offer: what the public sees, the base a change is diffed against. */
export async function findApprovedBase(db: Db, offerId: number): Promise<Revision | undefined> {
	const row = await revisionsQuery(db)
		.where('r.offerId', '=', offerId)
		.where('r.state', '=', 'approved')
		.orderBy('r.number', 'desc')
		.executeTakeFirst();
	return row && parse(row);
}

/** Records content as approved without a reviewer: an offer published outside the review. */
export async function insertApprovedBase(
	db: Db,
	values: { offerId: number; content: OfferContent; at: string; hasApproved: boolean }
): Promise<void> {
	if (!values.hasApproved) return insertFirstBases(db, [values], values.at);
	const last = await db
		.selectFrom('offerRevisions')
		.select((eb) => eb.fn.max('number').as('number'))
		.where('offerId', '=', values.offerId)
		.executeTakeFirst();
	await db
		.insertInto('offerRevisions')
		.values(baseRow(values.offerId, Number(last?.number ?? 0) + 1, values.content, values.at))
		.execute();
}

/** insertApprovedBase for offers that have no approved revision yet, in two statements. */
export async function insertFirstBases(
	db: Db,
	bases: { offerId: number; content: OfferContent }[],
	at: string
): Promise<void> {
	if (bases.length === 0) return;
	const rows = await db
		.selectFrom('offerRevisions')
		.select((eb) => ['offerId', eb.fn.min('number').as('first')])
		.where(
			'offerId',
			'in',
			bases.map((base) => base.offerId)
		)
		.groupBy('offerId')
		.execute();
	const firsts = new Map(rows.map((row) => [row.offerId, Number(row.first)]));
	await db
		.insertInto('offerRevisions')
		.values(
			bases.map(({ offerId, content }) => {
				const first = firsts.get(offerId);
				// Before any open revision, so the history reads in order.
				const number = first === undefined ? 1 : Math.min(first, 1) - 1;
				return baseRow(offerId, number, content, at);
			})
		)
		.execute();
}

function baseRow(offerId: number, number: number, content: OfferContent, at: string) {
	return {
		offerId,
		number,
		state: 'approved' as const,
		content: JSON.stringify(content),
		authorId: null,
		reviewerId: null,
		createdAt: at,
		updatedAt: at,
		reviewedAt: at
	};
}

/**
 * Published offers without any approved revision (published before bases were recorded). Checked
 * at every start, so it must stay one index lookup per offer (see migration 0011).
 */
export function publishedWithoutBaseQuery(db: Db) {
	return db
		.selectFrom('offers')
		.select('id')
		.where('status', '=', 'published')
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('offerRevisions')
						.select('offerRevisions.id')
						.whereRef('offerRevisions.offerId', '=', 'offers.id')
						.where('offerRevisions.state', '=', 'approved')
				)
			)
		)
		.orderBy('id');
}

export async function findPublishedWithoutBase(db: Db): Promise<number[]> {
	const rows = await publishedWithoutBaseQuery(db).execute();
	return rows.map((row) => row.id);
}
