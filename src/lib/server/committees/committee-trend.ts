import { formatNumber } from '../../format.js';
import type { Locale } from '../../i18n/locales.js';
import type { Translate } from '../../i18n/messages.js';
import { shownCountText, termLabel } from '../../i18n/committee-labels.js';
import type { Chart } from '../../shared/charts/chart.js';
import { lineChart } from '../../shared/charts/line-chart.js';
import type { TermView } from './committee-views.js';
import { FIGURE_COUNTS } from './committees.schema.js';
import { plotted } from './representation.js';

/**
 * The representation figures over a committee's terms: a line chart of the counts that may be
 * shown (a suppressed one is a gap, never a point), and the table with every count as the
 * small-number rule lets it out — "fewer than 5" where the chart has a gap.
 */
export interface CommitteeTrend {
	chart: Chart;
	table: { caption: string; headers: string[]; rows: { label: string; values: string[] }[] };
}

export function committeeTrend(
	t: Translate,
	locale: Locale,
	committeeName: string,
	terms: readonly TermView[]
): CommitteeTrend | null {
	const recorded = [...terms].reverse().filter((term) => term.figures !== null);
	if (!recorded.length) return null;
	const periods = recorded.map((term) => termLabel(t, locale, term));
	const title = t('office.committees.trend.title', { name: committeeName });
	const label = (name: (typeof FIGURE_COUNTS)[number]) => t(`office.committees.figures.${name}`);
	const chart = lineChart({
		id: 'representation-trend',
		title,
		description: t('office.committees.trend.description', { name: committeeName }),
		periodLabel: t('office.committees.trend.term'),
		periods,
		series: (['answered', 'migrationHistory', 'women', 'men'] as const).map((name) => ({
			label: label(name),
			values: recorded.map((term) => plotted(term.figures!.figures.counts[name]))
		})),
		format: (value) => formatNumber(locale, value)
	});
	return {
		chart,
		table: {
			caption: title,
			headers: [t('office.committees.trend.term'), ...FIGURE_COUNTS.map(label)],
			rows: recorded.map((term, index) => ({
				label: periods[index]!,
				values: FIGURE_COUNTS.map((name) =>
					shownCountText(t, locale, term.figures!.figures.counts[name])
				)
			}))
		}
	};
}
