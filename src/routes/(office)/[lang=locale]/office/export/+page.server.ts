import { exportableOfferIds } from '$lib/server/exchange/export.service';
import { TARGET_GROUPS } from '$lib/server/offers/offers.schema';
import { DELIVERY_LANGUAGES } from '$lib/server/organisations/organisations.schema';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import { requireUser } from '$lib/server/http/route-guards';
import { parseSearchParams, RADII_KM, searchParamsOf } from '$lib/server/search/search.schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, { secondFactor: true });
	const parsed = parseSearchParams(url.searchParams);
	const filters = { ...parsed.filters, page: 1 };
	const { ids, notices } = await exportableOfferIds(locals.db, user, filters, {
		notices: parsed.notices
	});
	const query = searchParamsOf(filters).toString();
	return {
		filters,
		notices,
		count: ids.length,
		query: query ? `?${query}` : '',
		scope: user.role === 'partner_editor' ? ('organisations' as const) : ('district' as const),
		options: {
			actionFields: ACTION_FIELDS,
			languages: DELIVERY_LANGUAGES,
			targetGroups: TARGET_GROUPS,
			radii: RADII_KM
		}
	};
};
