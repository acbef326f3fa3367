import { formatShortDate } from '../../format.js';
import type { Locale } from '../../i18n/locales.js';
import { translator } from '../../i18n/messages.js';
import { barChart } from '../../shared/charts/bar-chart.js';
import type { Chart } from '../../shared/charts/chart.js';
import { lineChart } from '../../shared/charts/line-chart.js';
import { parsePeriod } from '../../shared/time/period.js';
import type {
	ActionFieldOverview,
	MeasuresByStatus,
	StatusCounts
} from '../measures/action-field-overview.js';
import type { IndicatorSeries } from '../measures/indicators.service.js';
import { formatCell, periodLabel } from './yearly-report.view.js';
import { measureStatusLabel } from '../../i18n/measure-labels.js';

/**
 * The charts of the overview per action field, in the reader's language: each indicator's values
 * against baseline and target, and measures by status. Here beside the yearly report's view, so
 * both write periods, numbers and charts alike.
 */

/** An indicator's values per period as a line, its baseline and target as reference lines. */
export function indicatorChart(locale: Locale, indicator: IndicatorSeries): Chart | null {
	if (!indicator.values.length) return null;
	const t = translator(locale);
	const format = (value: number) => formatCell(locale, 'count', value);
	const title = indicator.unit ? `${indicator.name} (${indicator.unit})` : indicator.name;
	return lineChart({
		id: `indicator-${indicator.id}`,
		title,
		description: t(`office.overview.indicator.description.${indicator.direction}`, {
			name: indicator.name
		}),
		periodLabel: t('office.overview.indicator.period'),
		// The running period's computed value still changes: its label says so.
		periods: indicator.values.map((value) => {
			const period = parsePeriod(value.period);
			const label = period ? periodLabel(t, period) : value.period;
			return value.kind === 'live' ? t('office.overview.indicator.live', { period: label }) : label;
		}),
		series: [
			{
				label: t('office.overview.indicator.value'),
				values: indicator.values.map((value) => value.value)
			}
		],
		target: indicator.target
			? {
					label: t('office.overview.indicator.target', { year: String(indicator.target.year) }),
					value: indicator.target.value
				}
			: undefined,
		baseline: indicator.baseline
			? {
					label: t('office.overview.indicator.baseline', {
						date: formatShortDate(locale, indicator.baseline.on)
					}),
					value: indicator.baseline.value
				}
			: undefined,
		format
	});
}

/** Measures by status as bars, with the counts as the chart's table. */
export function statusChart(
	locale: Locale,
	id: string,
	title: string,
	counts: StatusCounts
): Chart {
	const t = translator(locale);
	return barChart({
		id,
		title,
		description: t('chart.description.bars', { subject: title }),
		categoryLabel: t('office.measures.statusLabel'),
		categories: counts.map((row) => measureStatusLabel(t, row.status)),
		series: [{ label: t('office.overview.measures'), values: counts.map((row) => row.count) }],
		format: (value) => formatCell(locale, 'count', value)
	});
}

/** Every action field's measures stacked by status; a measure in two fields is in both bars. */
export function fieldsByStatusChart(locale: Locale, byStatus: MeasuresByStatus): Chart {
	const t = translator(locale);
	const title = t('office.overview.byFieldTitle');
	return barChart({
		id: 'measures-by-field',
		title,
		description: t('chart.description.bars', { subject: title }),
		categoryLabel: t('office.overview.actionField'),
		categories: byStatus.fields.map((field) => t(`field.${field.actionField}`)),
		series: byStatus.district.map(({ status }, index) => ({
			label: measureStatusLabel(t, status),
			values: byStatus.fields.map((field) => field.counts[index]!.count)
		})),
		layout: 'stacked',
		totalLabel: t('office.reports.total'),
		format: (value) => formatCell(locale, 'count', value)
	});
}

/** The field page's charts: one per indicator (null while it has no values), and by status. */
export function actionFieldCharts(locale: Locale, overview: ActionFieldOverview) {
	const t = translator(locale);
	return {
		indicators: Object.fromEntries(
			overview.goals.flatMap((goal) =>
				goal.indicators.map((indicator) => [indicator.id, indicatorChart(locale, indicator)])
			)
		) as Record<number, Chart | null>,
		byStatus: statusChart(
			locale,
			'measures-by-status',
			t('office.overview.byStatusTitle', { field: t(`field.${overview.actionField}`) }),
			overview.byStatus
		)
	};
}
