import { formatEuro, formatShortDate } from '../format.js';
import type { Locale } from './locales.js';
import type { Translate } from './messages.js';
import type { Light, LightReason } from '../server/measures/progress.js';
import type { MeasureStatus } from '../server/measures/measures.table.js';

/**
 * Labels of a measure's coded values, typed over the domain's lists, and the traffic light's
 * reasons in words: one wording for the office pages and the report (so it sits here, where both
 * the components and the server may import it).
 */
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
