import { getApp } from '$lib/server/app';
import { TARGET_GROUPS } from '$lib/server/offers/offers.schema';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import {
	activeFilterCount,
	parseSearchParams,
	searchParamsOf,
	SORTS
} from '$lib/server/search/search.schema';
import { portalSearch } from '$lib/server/search/search-page.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const { config } = await getApp();
	const { filters, notices } = parseSearchParams(url.searchParams);
	const { result, placeFacets, placeSuggestions, suggestionHref, widerHref, help } =
		await portalSearch(locals.db, filters, locals.locale, { notices, freshness: config });
	const pageHref = (page: number) => `?${searchParamsOf({ ...result.filters, page })}`;
	return {
		result,
		placeFacets,
		placeSuggestions,
		suggestionHref,
		widerHref,
		help,
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
