import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { InvalidReportPeriodError } from '$lib/server/reports/reports.errors';
import { tableText } from '$lib/server/reports/yearly-report.document';
import { reportPeriodChoices, yearlyReport } from '$lib/server/reports/yearly-report.service';
import { periodLabel, reportView } from '$lib/server/reports/yearly-report.view';
import { translator } from '$lib/i18n/messages';
import { parsePeriod } from '$lib/shared/time/period';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, { secondFactor: true });
	const locale = locals.locale === 'en' ? 'en' : 'de';
	const now = new Date();
	const { periods, defaultPeriod } = reportPeriodChoices(now);
	const t = translator(locale);
	const choices = periods.map((value) => {
		const period = parsePeriod(value)!;
		return { value, kind: period.kind, label: periodLabel(t, period) };
	});
	const period = url.searchParams.get('period') ?? defaultPeriod;
	try {
		const view = reportView(await yearlyReport(locals.db, user, period, now), locale);
		return {
			choices,
			period: view.period,
			notice: null,
			report: {
				...view,
				sections: view.sections.map((section) => ({
					...section,
					tables: section.tables.map((table) => ({
						key: table.key,
						title: table.title,
						chart: table.chart ?? null,
						...tableText(locale, table)
					}))
				}))
			}
		};
	} catch (failure) {
		// A period typed into the address that names none: say so on the page, with the choice.
		if (failure instanceof InvalidReportPeriodError)
			return { choices, period, notice: failure.messageKey, report: null };
		rethrowAsHttpError(failure);
	}
};
