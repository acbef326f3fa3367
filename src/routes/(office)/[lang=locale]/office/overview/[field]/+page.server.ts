import { error } from '@sveltejs/kit';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { actionFieldOverview } from '$lib/server/measures/action-field-overview';
import { actionFieldCharts } from '$lib/server/reports/overview.view';
import type { PageServerLoad } from './$types';

/** One action field: goals × measures, the goals' indicators, measures by status. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	const field = ACTION_FIELDS.find((code) => code === params.field);
	if (!field) error(404, 'office.overview.notFound');
	const locale = locals.locale === 'en' ? 'en' : 'de';
	try {
		const overview = await actionFieldOverview(locals.db, user, field, locals.locale);
		return {
			actionFields: ACTION_FIELDS,
			overview,
			charts: actionFieldCharts(locale, overview)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
