import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.js';
import { textSearchFor } from './text-search.js';

/** Filters already resolved to database terms (place ids, district id, search terms). */
export interface ResolvedFilters {
	terms: string[];
	actionFields: string[];
	languages: string[];
	targetGroups: string[];
	free: boolean;
	online: boolean;
	districtId: number | null;
	/** Place id → distance in km; null when no radius applies. */
	placeDistances: Map<number, number> | null;
	today: string;
}

export type FacetDimension = 'actionFields' | 'languages' | 'targetGroups' | 'places';

const RELATION = {
	actionFields: { table: 'offerActionFields', column: 'actionField' },
	languages: { table: 'offerLanguages', column: 'language' },
	targetGroups: { table: 'offerTargetGroups', column: 'targetGroup' }
} as const;

type OfferScope = ExpressionBuilder<DB, 'offers'>;

function offersWith(eb: OfferScope, dimension: keyof typeof RELATION, values: string[]) {
	switch (dimension) {
		case 'actionFields':
			return eb
				.selectFrom('offerActionFields')
				.select('offerId')
				.where('actionField', 'in', values);
		case 'languages':
			return eb.selectFrom('offerLanguages').select('offerId').where('language', 'in', values);
		case 'targetGroups':
			return eb
				.selectFrom('offerTargetGroups')
				.select('offerId')
				.where('targetGroup', 'in', values);
	}
}

function conditions(
	eb: OfferScope,
	filters: ResolvedFilters,
	except?: FacetDimension
): Expression<SqlBool> {
	const all: Expression<SqlBool>[] = [
		eb('offers.status', '=', 'published'),
		eb.or([eb('offers.validTo', 'is', null), eb('offers.validTo', '>=', filters.today)])
	];
	for (const dimension of ['actionFields', 'languages', 'targetGroups'] as const) {
		const values = filters[dimension];
		if (dimension === except || values.length === 0) continue;
		all.push(eb('offers.id', 'in', offersWith(eb, dimension, values)));
	}
	if (filters.free) all.push(eb('offers.costKind', '=', 'free'));
	if (filters.online) all.push(eb('offers.locationKind', '=', 'online'));
	if (filters.districtId !== null) all.push(eb('offers.districtId', '=', filters.districtId));
	if (filters.placeDistances && except !== 'places') {
		const ids = [...filters.placeDistances.keys()];
		all.push(ids.length ? eb('offers.placeId', 'in', ids) : sql<SqlBool>`1 = 0`);
	}
	return eb.and(all);
}

function filtered(db: Kysely<DB>, filters: ResolvedFilters, except?: FacetDimension) {
	const base = db.selectFrom('offers');
	if (filters.terms.length === 0) return base.where((eb) => conditions(eb, filters, except));
	return base
		.where((eb) => conditions(eb, filters, except))
		.where('offers.id', 'in', (eb) =>
			eb.selectFrom(textSearchFor(db).matches(filters.terms).as('m')).select('m.offerId')
		);
}

export async function countOffers(db: Kysely<DB>, filters: ResolvedFilters): Promise<number> {
	const row = await filtered(db, filters)
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.executeTakeFirst();
	return Number(row?.count ?? 0);
}

export type SortOrder = 'relevance' | 'distance' | 'date' | 'title';

export async function findOfferIds(
	db: Kysely<DB>,
	filters: ResolvedFilters,
	sort: SortOrder,
	limit: number,
	offset: number
): Promise<number[]> {
	let query = filtered(db, filters).select('offers.id');
	if (sort === 'relevance' && filters.terms.length > 0) {
		query = query
			.innerJoin(textSearchFor(db).matches(filters.terms).as('rank'), 'rank.offerId', 'offers.id')
			.orderBy('rank.score', 'desc');
	}
	if (sort === 'distance' && filters.placeDistances?.size) {
		const distances = [...filters.placeDistances];
		query = query.orderBy(
			sql`case ${sql.join(
				distances.map(
					([placeId, km]) => sql`when offers.place_id = ${placeId} then cast(${km} as real)`
				),
				sql` `
			)} else 100000 end`
		);
	}
	if (sort !== 'title') {
		query = query.orderBy(sql`offers.next_starts_at is null`).orderBy('offers.nextStartsAt');
	}
	const rows = await query
		.orderBy('offers.title')
		.orderBy('offers.id')
		.limit(limit)
		.offset(offset)
		.execute();
	return rows.map((row) => row.id);
}

export async function countFacet(
	db: Kysely<DB>,
	filters: ResolvedFilters,
	dimension: FacetDimension
): Promise<{ value: string; count: number }[]> {
	const ids = filtered(db, filters, dimension).select('offers.id');
	if (dimension === 'places') {
		const rows = await db
			.selectFrom('offers')
			.where('offers.id', 'in', ids)
			.where('offers.placeId', 'is not', null)
			.select(['offers.placeId as value', (eb) => eb.fn.countAll<number>().as('count')])
			.groupBy('offers.placeId')
			.execute();
		return rows.map((row) => ({ value: String(row.value), count: Number(row.count) }));
	}
	const { table, column } = RELATION[dimension];
	const rows = await db
		.selectFrom(table)
		.where('offerId', 'in', ids)
		.select([`${column} as value` as never, (eb) => eb.fn.countAll<number>().as('count')])
		.groupBy(column as never)
		.execute();
	return (rows as unknown as { value: string; count: number }[]).map((row) => ({
		value: row.value,
		count: Number(row.count)
	}));
}

export interface OfferCardRow {
	id: number;
	slug: string;
	title: string;
	summary: string;
	costKind: string;
	locationKind: string;
	placeId: number | null;
	nextStartsAt: string | null;
	scheduleKind: string;
	lastVerifiedAt: string;
	organisationName: string;
	placeName: string | null;
	districtName: string;
}

export async function findOfferCards(db: Kysely<DB>, ids: number[]): Promise<OfferCardRow[]> {
	if (ids.length === 0) return [];
	const rows = await db
		.selectFrom('offers')
		.innerJoin('organisations', 'organisations.id', 'offers.organisationId')
		.innerJoin('districts', 'districts.id', 'offers.districtId')
		.leftJoin('places', 'places.id', 'offers.placeId')
		.select([
			'offers.id',
			'offers.slug',
			'offers.title',
			'offers.summary',
			'offers.costKind',
			'offers.locationKind',
			'offers.placeId',
			'offers.nextStartsAt',
			'offers.scheduleKind',
			'offers.lastVerifiedAt',
			'organisations.name as organisationName',
			'places.name as placeName',
			'districts.name as districtName'
		])
		.where('offers.id', 'in', ids)
		.execute();
	const order = new Map(ids.map((id, index) => [id, index]));
	return rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/** Dates of the filtered offers that start within [from, to), in time order. */
export async function findOccurrences(
	db: Kysely<DB>,
	filters: ResolvedFilters,
	from: string,
	to: string,
	limit: number
): Promise<{ offerId: number; startsAt: string; endsAt: string | null }[]> {
	return db
		.selectFrom('offerOccurrences')
		.select(['offerOccurrences.offerId', 'offerOccurrences.startsAt', 'offerOccurrences.endsAt'])
		.where('offerOccurrences.startsAt', '>=', from)
		.where('offerOccurrences.startsAt', '<', to)
		.where('offerOccurrences.offerId', 'in', filtered(db, filters).select('offers.id'))
		.orderBy('offerOccurrences.startsAt')
		.orderBy('offerOccurrences.offerId')
		.limit(limit)
		.execute();
}
