import type { Kysely } from 'kysely';
import type { Locale } from '../../i18n/locales.js';
import type { DB } from '../db/schema.js';
import { localizeMany, type LocalizedText } from '../translations/translations.service.js';
import { findRelations } from '../offers/offers.service.js';
import type { OfferRelations } from '../offers/offers.schema.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { listDistricts } from '../places/places.service.js';
import { placesWithin, resolvePlace, suggestPlaces, type Place } from '../places/places.service.js';
import {
	facetCounts,
	filterSets,
	matching,
	orderedPage,
	positionsOf,
	scoreTextMatches,
	type FacetCount,
	type FacetDimension,
	type ResolvedFilters,
	type SortOrder,
	type TextMatches
} from './offer-filter.js';
import { frequentTerms } from './frequent-terms.js';
import { offerIndex, type OfferIndex } from './offer-index.js';
import { findOfferCards, findTextMatches } from './search.repository.js';
import { PAGE_SIZE, type SearchFilters, type SearchNotice } from './search.schema.js';
import { TextMatchCache } from './text-match-cache.js';
import { searchTerms } from '../db/text-search.js';
import type { QueryUnderstanding, RankingReason } from './understanding.js';

export interface OfferCard extends OfferRelations {
	id: number;
	slug: string;
	title: LocalizedText;
	summary: LocalizedText;
	organisationName: string;
	placeName: string | null;
	districtName: string;
	online: boolean;
	free: boolean;
	nextStartsAt: string | null;
	byAppointment: boolean;
	distanceKm: number | null;
	/** When the owner last confirmed the offer; the portal flags long-unconfirmed ones. */
	lastVerifiedAt: string;
	/** Why the offer ranks where it does, where that matters to the visitor. */
	reasons: RankingReason[];
}

export interface SearchResult {
	filters: SearchFilters;
	sort: SortOrder;
	total: number;
	page: number;
	pageCount: number;
	items: OfferCard[];
	facets: Record<FacetDimension, FacetCount[]>;
	near: { place: Place; radiusKm: number } | null;
	/** When `near` names no known place: the closest known names to search with instead. */
	placeSuggestions: string[];
	notices: SearchNotice[];
	/** How the text query was read; null without a text query. */
	understanding: QueryUnderstanding | null;
}

export async function searchOffers(
	db: Kysely<DB>,
	filters: SearchFilters,
	locale: Locale,
	options: { now?: Date; notices?: SearchNotice[] } = {}
): Promise<SearchResult> {
	const notices = [...(options.notices ?? [])];
	// One index for the whole search: text scores and filter sets address the same positions.
	const index = await offerIndex(db);
	const { resolved, near, placeSuggestions } = await resolveFilters(
		db,
		index,
		filters,
		notices,
		options.now ?? new Date()
	);
	const sort = effectiveSort(
		filters,
		resolved.textMatches !== null,
		resolved.placeDistances !== null
	);
	const sets = filterSets(index, resolved);
	const matches = matching(sets);
	const total = matches.count();
	const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
	let page = filters.page;
	if (page > pageCount) {
		notices.push({ key: 'search.notice.pageOutOfRange', params: { page, last: pageCount } });
		page = pageCount;
	}
	const ids = orderedPage(index, matches, resolved, sort, (page - 1) * PAGE_SIZE, PAGE_SIZE);
	const items = await offerCards(db, ids, locale, resolved.placeDistances);
	const facets = facetCounts(index, sets);
	return {
		filters: { ...filters, page },
		sort,
		total,
		page,
		pageCount,
		items,
		facets,
		near,
		placeSuggestions,
		notices,
		understanding: null
	};
}

/** Every offer matching the filters, in the search's order, without paging (for exports). */
export async function matchingOfferIds(
	db: Kysely<DB>,
	filters: SearchFilters,
	options: { now?: Date; notices?: SearchNotice[] } = {}
): Promise<{ ids: number[]; notices: SearchNotice[] }> {
	const notices = [...(options.notices ?? [])];
	const index = await offerIndex(db);
	const { resolved } = await resolveFilters(db, index, filters, notices, options.now ?? new Date());
	const sort = effectiveSort(
		filters,
		resolved.textMatches !== null,
		resolved.placeDistances !== null
	);
	const matches = matching(filterSets(index, resolved));
	return { ids: orderedPage(index, matches, resolved, sort, 0, matches.count()), notices };
}

const textMatchCaches = new WeakMap<Kysely<DB>, TextMatchCache<TextMatches>>();

/** The offers matching every term, scored; cached per index version. */
async function textMatches(
	db: Kysely<DB>,
	index: OfferIndex,
	terms: string[]
): Promise<TextMatches> {
	let cache = textMatchCaches.get(db);
	if (!cache) textMatchCaches.set(db, (cache = new TextMatchCache()));
	return cache.get(index.version, terms, async () => {
		// Frequent words come from memory; the engine only lists the offers of the rarer ones.
		const frequent = frequentTerms(db, index);
		const rare = terms.filter((term) => !frequent.get(term));
		let members = rare.length ? positionsOf(index, await findTextMatches(db, rare)) : null;
		for (const term of terms) {
			const set = frequent.get(term);
			if (set) members = members ? members.and(set) : set;
		}
		return scoreTextMatches(index, members!, terms);
	});
}

/** Builds the offer index and its frequent-term sets, so the first visitors wait for neither. */
export async function warmSearch(db: Kysely<DB>): Promise<void> {
	await frequentTerms(db, await offerIndex(db)).ready;
}

/** Turns the visitor's filters into database terms, adding a notice for each that cannot apply. */
export async function resolveFilters(
	db: Kysely<DB>,
	index: OfferIndex,
	filters: SearchFilters,
	notices: SearchNotice[],
	now: Date
): Promise<{
	resolved: ResolvedFilters;
	near: SearchResult['near'];
	placeSuggestions: string[];
}> {
	let districtId: number | null = null;
	if (filters.district) {
		const district = (await listDistricts(db)).find((d) => d.slug === filters.district);
		if (district) districtId = district.id;
		else
			notices.push({
				key: 'search.notice.unknownValue',
				params: { name: 'district', value: filters.district }
			});
	}

	let near: SearchResult['near'] = null;
	let placeSuggestions: string[] = [];
	let placeDistances: Map<number, number> | null = null;
	if (filters.near) {
		const place = await resolvePlace(db, filters.near);
		if (place) {
			near = { place, radiusKm: filters.radiusKm };
			const within = await placesWithin(db, place, filters.radiusKm);
			placeDistances = new Map(
				within.map((entry) => [entry.place.id, Math.round(entry.distanceKm * 10) / 10])
			);
		} else {
			// The other filters still apply, over the whole area; the notice says so.
			notices.push({ key: 'search.notice.unknownPlace', params: { value: filters.near } });
			placeSuggestions = await suggestPlaces(db, filters.near);
		}
	}

	const terms = searchTerms(filters.query);
	if (filters.query && terms.length === 0) notices.push({ key: 'search.notice.noWords' });

	return {
		resolved: {
			textMatches: terms.length ? await textMatches(db, index, terms) : null,
			actionFields: filters.actionFields,
			languages: filters.languages,
			targetGroups: filters.targetGroups,
			free: filters.free,
			online: filters.online,
			districtId,
			placeDistances,
			today: berlinToday(now)
		},
		near,
		placeSuggestions
	};
}

function effectiveSort(filters: SearchFilters, hasTerms: boolean, hasRadius: boolean): SortOrder {
	if (filters.sort === 'relevance' && hasTerms) return 'relevance';
	if (filters.sort === 'distance' && hasRadius) return 'distance';
	if (filters.sort === 'date' || filters.sort === 'title') return filters.sort;
	if (hasTerms) return 'relevance';
	if (hasRadius) return 'distance';
	return 'date';
}

/** Offer cards in the given order, localised, with their distance when a radius applies. */
export async function offerCards(
	db: Kysely<DB>,
	ids: number[],
	locale: Locale,
	placeDistances: Map<number, number> | null = null
): Promise<OfferCard[]> {
	const rows = await findOfferCards(db, ids);
	const [texts, relations] = await Promise.all([
		localizeMany(
			db,
			'offer',
			rows.map((row) => ({ id: row.id, fields: { title: row.title, summary: row.summary } })),
			locale
		),
		findRelations(db, ids)
	]);
	return rows.map((row) => {
		const localized = texts.get(row.id)!;
		return {
			...relations.get(row.id)!,
			id: row.id,
			slug: row.slug,
			title: localized.title,
			summary: localized.summary,
			organisationName: row.organisationName,
			placeName: row.placeName,
			districtName: row.districtName,
			online: row.locationKind === 'online',
			free: row.costKind === 'free',
			nextStartsAt: row.nextStartsAt,
			byAppointment: row.scheduleKind === 'appointment',
			distanceKm: row.placeId !== null ? (placeDistances?.get(row.placeId) ?? null) : null,
			lastVerifiedAt: row.lastVerifiedAt,
			reasons: []
		};
	});
}
