import { formatEuro, formatShortDate } from '$lib/format';
import type { Locale } from '$lib/i18n/locales';
import type { Translate } from '$lib/i18n/messages';
import type { Light, LightReason } from '$lib/server/measures/progress';
import type { MeasureStatus } from '$lib/server/measures/measures.table';

/** Labels of a measure's coded values, typed over the domain's lists. */
export const measureStatusLabel = (t: Translate, status: string) =>
	t(`office.measures.status.${status as MeasureStatus}`);

export const lightLabel = (t: Translate, light: string) =>
	t(`office.measures.light.${light as Light}`);

/** A reason for the traffic light, in words. */
export function reasonText(t: Translate, locale: Locale, reason: LightReason): string {
	switch (reason.code) {
		case 'milestone_overdue':
			return t('office.measures.reason.milestoneOverdue', {
				title: reason.title,
				due: formatShortDate(locale, reason.dueOn)
			});
		case 'budget_overspent':
			return t('office.measures.reason.budgetOverspent', {
				source: reason.fundingSourceName,
				year: String(reason.year),
				amount: formatEuro(locale, reason.overCents)
			});
		case 'no_update':
			return t('office.measures.reason.noUpdate', {
				since: formatShortDate(locale, reason.lastUpdateOn),
				months: reason.months
			});
	}
}
