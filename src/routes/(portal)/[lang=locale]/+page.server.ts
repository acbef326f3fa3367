import { upcomingDates } from '$lib/server/search/calendar.service';
import { parseSearchParams } from '$lib/server/search/search.schema';
import { searchOffers } from '$lib/server/search/search.service';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import { publicChains } from '$lib/server/chains/public-chains.service';
import { openCalls } from '$lib/server/committees/calls.public.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { filters } = parseSearchParams(new URLSearchParams());
	const [overview, upcoming, ways, calls] = await Promise.all([
		searchOffers(locals.db, filters, locals.locale),
		upcomingDates(locals.db, filters, locals.locale, { days: 14, limit: 6 }),
		publicChains(locals.db, null, locals.locale),
		openCalls(locals.db, locals.locale)
	]);
	const counts = new Map(overview.facets.actionFields.map((facet) => [facet.value, facet.count]));
	return {
		total: overview.total,
		actionFields: ACTION_FIELDS.map((field) => ({ field, count: counts.get(field) ?? 0 })),
		upcoming,
		ways: ways?.chains ?? [],
		calls
	};
};
