import type { Kysely } from 'kysely';
import type { Locale } from '../../i18n/locales.js';
import type { DB } from '../db/schema.js';
import { freshnessOf, type FreshnessConfig } from '../freshness/freshness.js';
import { allPlaces } from '../places/places.service.js';
import { searchParamsOf, type SearchFilters, type SearchNotice } from './search.schema.js';
import type { FacetCount } from './offer-filter.js';
import { searchOffers, type OfferCard, type SearchResult } from './search.service.js';
import { searchHelp, type SearchHelp } from './search-help.service.js';

/** A result card on the portal, flagged when its owner has not confirmed it for long. */
export type PortalOfferCard = OfferCard & { mayBeOutdated: boolean };

export interface PortalSearch {
	result: Omit<SearchResult, 'items'> & { items: PortalOfferCard[] };
	/** The twelve places with most results, each a link to searching near it. */
	placeFacets: (FacetCount & { name: string; href: string })[];
	/** Known place names close to an unknown `near`, each a link to searching near it. */
	placeSuggestions: { name: string; href: string }[];
	/** "Meinten Sie …": the search with the corrected words, the other filters kept. */
	suggestionHref: string | null;
	/** The same search with the offers that only mention the words; null when there are none. */
	widerHref: string | null;
	/** What to try instead when nothing was found; null when something was. */
	help: SearchHelp | null;
}

/** The portal's search page: the result with freshness flags, its links, and help if empty. */
export async function portalSearch(
	db: Kysely<DB>,
	filters: SearchFilters,
	locale: Locale,
	options: { notices: SearchNotice[]; freshness: FreshnessConfig }
): Promise<PortalSearch> {
	const found = await searchOffers(db, filters, locale, { notices: options.notices });
	const result = {
		...found,
		items: found.items.map((item) => ({
			...item,
			mayBeOutdated: freshnessOf(item.lastVerifiedAt, options.freshness) === 'may_be_outdated'
		}))
	};
	const [places, help] = await Promise.all([allPlaces(db), searchHelp(db, filters, locale, found)]);
	const placeNames = new Map(places.map((place) => [String(place.id), place.name]));
	const suggestion = found.understanding?.suggestion;
	return {
		result,
		placeFacets: result.facets.places
			.map((facet) => {
				const name = placeNames.get(facet.value) ?? facet.value;
				const near = searchParamsOf({ ...result.filters, near: name, radiusKm: 5, page: 1 });
				return { ...facet, name, href: `?${near}` };
			})
			.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'de'))
			.slice(0, 12),
		placeSuggestions: result.placeSuggestions.map((name) => ({
			name,
			href: `?${searchParamsOf({ ...result.filters, near: name, page: 1 })}`
		})),
		suggestionHref: suggestion
			? `?${searchParamsOf({ ...result.filters, query: suggestion, page: 1 })}`
			: null,
		widerHref: result.moreMatches
			? `?${searchParamsOf({ ...result.filters, wider: true, page: 1 })}`
			: null,
		help
	};
}
