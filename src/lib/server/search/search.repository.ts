import { sql, type Kysely } from 'kysely';
import { OFFERS_VERSION_SETTING } from '../offers/offers.schema.js';
import { findPublishedRelationRows, NO_OFFERS_VERSION } from '../offers/offers.service.js';
import { CONTENT_VERSION_ID } from '../db/content-version.repository.js';
import type { DB, Db } from '../db/schema.js';
import { textSearchFor } from '../db/text-search.js';
import { NO_THESAURUS_VERSION, THESAURUS_VERSION_SETTING } from './thesaurus/thesaurus.schema.js';

/** Ids of the offers containing the search token in any field or language (see TextSearch). */
export async function findTextMatches(
	db: Kysely<DB>,
	token: string,
	options?: { common?: boolean }
): Promise<number[]> {
	return textSearchFor(db).matchingIds(db, token, options);
}

export async function findDocumentFrequencies(db: Db) {
	return textSearchFor(db).documentFrequencies(db);
}

/** What a search depends on, read in one query: every search reads them before anything else. */
export interface SearchVersions {
	offers: string;
	thesaurus: string;
	/** The content version (migration 0021), which the offer cards depend on. */
	content: string;
}

export async function findSearchVersions(db: Db): Promise<SearchVersions> {
	const rows = await db
		.selectFrom('settings')
		.select(['key', 'value'])
		.where('key', 'in', [OFFERS_VERSION_SETTING, THESAURUS_VERSION_SETTING])
		.unionAll(
			db
				.selectFrom('contentVersion')
				.select([
					sql<string>`${sql.lit(CONTENT_VERSION_KEY)}`.as('key'),
					sql<string>`cast(version as text)`.as('value')
				])
				.where('id', '=', CONTENT_VERSION_ID)
		)
		.execute();
	const values = new Map(rows.map((row) => [row.key, row.value]));
	return {
		offers: values.get(OFFERS_VERSION_SETTING) ?? NO_OFFERS_VERSION,
		thesaurus: values.get(THESAURUS_VERSION_SETTING) ?? NO_THESAURUS_VERSION,
		content: values.get(CONTENT_VERSION_KEY)!
	};
}

/** The content version's name among the settings read beside it (no setting has a space). */
const CONTENT_VERSION_KEY = 'content version';

/**
 * The offers after `afterId` (at most `limit`, by id) and, for the published ones, what the
 * in-memory index filters and sorts by. The index reads in chunks, as one read of 100,000 offers
 * holds SQLite's synchronous driver, and so every request, for seconds; by id alone, as SQLite
 * would otherwise walk its status index and sort every published offer for each chunk.
 */
export async function findIndexOffers(db: Db, afterId: number, limit: number) {
	const rows = await db
		.selectFrom('offers')
		.select([
			'id',
			'status',
			'placeId',
			'districtId',
			'costKind',
			'locationKind',
			'validTo',
			'nextStartsAt',
			'languageLevel',
			'languageLevelExit',
			'title',
			'summary'
		])
		.where('id', '>', afterId)
		.orderBy('id')
		.limit(limit)
		.execute();
	const offers = rows.filter((row) => row.status === 'published');
	const relations = await findPublishedRelationRows(db, {
		offerIds: offers.map((offer) => offer.id),
		withAccessibility: true
	});
	return { lastId: rows.at(-1)?.id ?? null, offers, relations };
}

/** The translated titles and summaries of the given offers. */
export async function findIndexTranslations(db: Db, offerIds: number[]) {
	if (offerIds.length === 0) return [];
	return db
		.selectFrom('translations')
		.select(['entityId as offerId', 'locale', 'field', 'value'])
		.where('entity', '=', 'offer')
		.where('field', 'in', ['title', 'summary'])
		.where('entityId', 'in', offerIds)
		.execute();
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

export async function findOfferCards(db: Db, ids: number[]): Promise<OfferCardRow[]> {
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

export interface OccurrenceRow {
	offerId: number;
	startsAt: string;
	endsAt: string | null;
}

/**
 * Dates that start within [from, to), in time order (then by offer), at most `limit` of them after
 * `after`; the caller filters by offer and asks for the next ones while it needs more.
 */
export async function findOccurrences(
	db: Db,
	from: string,
	to: string,
	page: { after: OccurrenceRow | null; limit: number }
): Promise<OccurrenceRow[]> {
	const { after, limit } = page;
	return db
		.selectFrom('offerOccurrences')
		.select(['offerId', 'startsAt', 'endsAt'])
		.where('startsAt', '>=', after?.startsAt ?? from)
		.where('startsAt', '<', to)
		.$if(after !== null, (query) =>
			query.where((eb) =>
				eb.or([eb('startsAt', '>', after!.startsAt), eb('offerId', '>', after!.offerId)])
			)
		)
		.orderBy('startsAt')
		.orderBy('offerId')
		.limit(limit)
		.execute();
}
