import { getApp } from '$lib/server/app';
import { freshnessOf } from '$lib/server/freshness/freshness';
import { allPlaces } from '$lib/server/places/places.service';
import { TARGET_GROUPS } from '$lib/server/offers/offers.schema';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import {
	activeFilterCount,
	parseSearchParams,
	searchParamsOf,
	SORTS
} from '$lib/server/search/search.schema';
import { searchOffers } from '$lib/server/search/search.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const { config } = await getApp();
	const { filters, notices } = parseSearchParams(url.searchParams);
	const found = await searchOffers(locals.db, filters, locals.locale, { notices });
	const result = {
		...found,
		items: found.items.map((item) => ({
			...item,
			mayBeOutdated: freshnessOf(item.lastVerifiedAt, config) === 'may_be_outdated'
		}))
	};
	const placeNames = new Map(
		(await allPlaces(locals.db)).map((place) => [String(place.id), place.name])
	);
	const pageHref = (page: number) => `?${searchParamsOf({ ...result.filters, page })}`;
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
		options: { actionFields: ACTION_FIELDS, targetGroups: TARGET_GROUPS, sorts: SORTS },
		pages: {
			previous: result.page > 1 ? pageHref(result.page - 1) : null,
			next: result.page < result.pageCount ? pageHref(result.page + 1) : null
		},
		shareUrl: `${url.origin}${url.pathname}?${searchParamsOf(result.filters)}`,
		activeFilters: activeFilterCount(result.filters),
		/** The layout adds a "skip to results" link to its skip links. */
		skipToResults: true
	};
};
