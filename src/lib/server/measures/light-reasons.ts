import { formatEuro, formatShortDate } from '../../format.js';
import type { Locale } from '../../i18n/locales.js';
import type { Translate } from '../../i18n/messages.js';
import type { LightReason } from './progress.js';

/**
 * A reason for the traffic light, in words, for the report. The measure pages say the same through
 * components/office/measure-labels.ts, which client code may import and so cannot reach here.
 */
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
