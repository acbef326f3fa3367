import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { measuresByStatus } from '$lib/server/measures/action-field-overview';
import { fieldsByStatusChart, statusChart } from '$lib/server/reports/overview.view';
import { translator } from '$lib/i18n/messages';
import type { PageServerLoad } from './$types';

/** The choice of action field, and measures by status over all fields. */
export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	const locale = locals.locale === 'en' ? 'en' : 'de';
	try {
		const byStatus = await measuresByStatus(locals.db, user);
		return {
			actionFields: ACTION_FIELDS,
			districtChart: statusChart(
				locale,
				'measures-by-status',
				translator(locale)('office.overview.districtTitle'),
				byStatus.district
			),
			fieldsChart: fieldsByStatusChart(locale, byStatus)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
