import { formatNumber, formatShortDate } from '../format.js';
import type { Locale } from './locales.js';
import type { Translate } from './messages.js';
import type { CommitteeType, MemberRole } from '../server/committees/committees.table.js';
import { FEWER_THAN_5, type ShownCount } from '../server/committees/representation.js';

/**
 * Labels of the committee register's coded values and its suppressed counts: one wording for
 * the office pages, the export and the yearly report.
 */
export const committeeTypeLabel = (t: Translate, type: string) =>
	t(`office.committees.type.${type as CommitteeType}.name`);

export const memberRoleLabel = (t: Translate, role: string) =>
	t(`office.committees.role.${role as MemberRole}`);

/** A count as the small-number rule lets it be shown: the number, "fewer than 5" or "withheld". */
export function shownCountText(t: Translate, locale: Locale, count: ShownCount): string {
	if (typeof count === 'number') return formatNumber(locale, count);
	return t(count === FEWER_THAN_5 ? 'office.committees.fewerThan5' : 'office.committees.withheld');
}

/** A term as "01.05.2023 – 30.04.2028", or open-ended. */
export function termLabel(
	t: Translate,
	locale: Locale,
	term: { startsOn: string; endsOn: string | null }
): string {
	return term.endsOn
		? t('office.committees.termRange', {
				from: formatShortDate(locale, term.startsOn),
				to: formatShortDate(locale, term.endsOn)
			})
		: t('office.committees.termOpen', { from: formatShortDate(locale, term.startsOn) });
}
