import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import { calendarWeek } from '$lib/server/search/calendar.service';
import { parseSearchParams, searchParamsOf } from '$lib/server/search/search.schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const { filters, notices } = parseSearchParams(url.searchParams);
	const week = await calendarWeek(locals.db, filters, url.searchParams.get('week'), locals.locale);
	const withWeek = (value: string) => {
		const params = searchParamsOf({ ...filters, page: 1 });
		params.set('week', value);
		return `?${params}`;
	};
	return {
		filters,
		week: { ...week, notices: [...notices, ...week.notices] },
		links: { previous: withWeek(week.previous), next: withWeek(week.next) },
		actionFields: ACTION_FIELDS
	};
};
