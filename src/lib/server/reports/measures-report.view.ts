import { formatShortDate } from '../../format.js';
import { barChart } from '../../shared/charts/bar-chart.js';
import { lightLabel, measureStatusLabel, reasonText } from '../../i18n/measure-labels.js';
import { LIGHTS } from '../measures/progress.js';
import { MEASURE_STATUSES } from '../measures/measures.schema.js';
import type { MeasureFigures } from './measure-figures.js';
import type { PeriodFigures } from './report-figures.js';
import {
	orBlank,
	type ReportSection,
	type ReportTable,
	type ViewContext
} from './report-view-model.js';

/** The report's views of the measures and the budget (issue 10). */

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

const fieldNames = (view: ViewContext, measure: MeasureFigures) =>
	measure.actionFields.map((field) => view.t(`field.${field as 'language'}`)).join(', ');

export function measuresSection(view: ViewContext): ReportSection {
	const { t, locale } = view;
	const measures = view.current.measures.measures;
	const counts = MEASURE_STATUSES.map((status) => {
		const ofStatus = measures.filter((measure) => measure.status === status);
		return {
			status,
			lights: LIGHTS.map((light) => ofStatus.filter((measure) => measure.light === light).length),
			total: ofStatus.length
		};
	});
	const byStatus: ReportTable = {
		key: 'measures-by-status',
		title: t('office.reports.measures.byStatusTitle', { period: view.currentLabel }),
		columns: [
			{ label: t('office.reports.measures.status'), kind: 'text' },
			...LIGHTS.map((light) => ({ label: lightLabel(t, light), kind: 'count' as const })),
			{ label: t('office.reports.total'), kind: 'count' }
		],
		rows: [
			...counts.map((row) => [measureStatusLabel(t, row.status), ...row.lights, row.total]),
			[
				t('office.reports.total'),
				...LIGHTS.map((_, index) => sum(counts.map((row) => row.lights[index]!))),
				measures.length
			]
		]
	};
	if (measures.length)
		byStatus.chart = barChart({
			id: byStatus.key,
			title: byStatus.title,
			description: t('chart.description.bars', { subject: byStatus.title }),
			categoryLabel: t('office.reports.measures.status'),
			categories: counts.map((row) => measureStatusLabel(t, row.status)),
			series: LIGHTS.map((light, index) => ({
				label: lightLabel(t, light),
				values: counts.map((row) => row.lights[index]!)
			})),
			format: view.count
		});
	const sorted = [...measures].sort((a, b) => a.title.localeCompare(b.title, 'de'));
	const list: ReportTable = {
		key: 'measures',
		title: t('office.reports.measures.listTitle', { period: view.currentLabel }),
		columns: [
			{ label: t('office.reports.measures.measure'), kind: 'text' },
			{ label: t('office.reports.measures.lead'), kind: 'text' },
			{ label: t('office.reports.measures.status'), kind: 'text' },
			{ label: t('office.reports.measures.progress'), kind: 'percent' },
			{ label: t('office.reports.measures.light'), kind: 'text' },
			{ label: t('office.reports.measures.participants'), kind: 'count' }
		],
		rows: [
			...sorted.map((measure) => [
				measure.title,
				measure.leadOrganisationName ?? '',
				`${measureStatusLabel(t, measure.status)} (${formatShortDate(locale, measure.statusOn)})`,
				orBlank(measure.progress),
				lightLabel(t, measure.light),
				orBlank(measure.participants)
			]),
			[t('office.reports.total'), '', '', '', '', participants(view.current)]
		]
	};
	const flagged = sorted.filter((measure) => measure.reasons.length);
	const reasons: ReportTable = {
		key: 'measures-attention',
		title: t('office.reports.measures.attentionTitle'),
		columns: [
			{ label: t('office.reports.measures.measure'), kind: 'text' },
			{ label: t('office.reports.measures.light'), kind: 'text' },
			{ label: t('office.reports.measures.why'), kind: 'text' }
		],
		rows: flagged.map((measure) => [
			measure.title,
			lightLabel(t, measure.light),
			measure.reasons.map((reason) => reasonText(t, locale, reason)).join(' ')
		])
	};
	const reached = sorted.filter((measure) => measure.participants !== null);
	const reach: ReportTable = {
		key: 'measures-reach',
		title: t('office.reports.measures.reachTitle', { period: view.currentLabel }),
		columns: [
			{ label: t('office.reports.measures.measure'), kind: 'text' },
			{ label: t('office.reports.measures.actionFields'), kind: 'text' },
			{ label: t('office.reports.measures.participants'), kind: 'count' },
			{ label: t('office.reports.measures.women'), kind: 'count' },
			{ label: t('office.reports.measures.men'), kind: 'count' },
			{ label: t('office.reports.measures.diverse'), kind: 'count' }
		],
		rows: [
			...reached.map((measure) => [
				measure.title,
				fieldNames(view, measure),
				orBlank(measure.participants),
				orBlank(measure.women),
				orBlank(measure.men),
				orBlank(measure.diverse)
			]),
			[
				t('office.reports.total'),
				'',
				participants(view.current),
				...(['women', 'men', 'diverse'] as const).map((key) =>
					sum(measures.map((measure) => measure[key] ?? 0))
				)
			]
		]
	};
	return {
		key: 'measures',
		heading: t('office.reports.measures.heading'),
		notes: [t('office.reports.measures.counted'), t('office.reports.measures.lightRule')],
		tables: [byStatus, list, ...(flagged.length ? [reasons] : []), reach]
	};
}

export function budgetSection(view: ViewContext): ReportSection {
	const { t } = view;
	const { year, sources } = view.current.budget;
	const euros = (cents: number) => cents / 100;
	const table: ReportTable = {
		key: 'budget-by-source',
		title: t('office.reports.budget.tableTitle', { year: String(year) }),
		columns: [
			{ label: t('office.reports.budget.source'), kind: 'text' },
			{ label: t('office.reports.budget.planned'), kind: 'euro' },
			{ label: t('office.reports.budget.spent'), kind: 'euro' },
			{ label: t('office.reports.budget.left'), kind: 'euro' }
		],
		rows: [
			...sources.map((source) => [
				source.name,
				euros(source.plannedCents),
				euros(source.spentCents),
				euros(source.plannedCents - source.spentCents)
			]),
			[
				t('office.reports.total'),
				euros(planned(view.current)),
				euros(spent(view.current)),
				euros(planned(view.current) - spent(view.current))
			]
		]
	};
	if (sources.length)
		table.chart = barChart({
			id: table.key,
			title: table.title,
			description: t('chart.description.bars', { subject: table.title }),
			categoryLabel: t('office.reports.budget.source'),
			categories: sources.map((source) => source.name),
			series: [
				{
					label: t('office.reports.budget.planned'),
					values: sources.map((s) => euros(s.plannedCents))
				},
				{ label: t('office.reports.budget.spent'), values: sources.map((s) => euros(s.spentCents)) }
			],
			format: (value) => view.euro(value)
		});
	return {
		key: 'budget',
		heading: t('office.reports.budget.heading'),
		notes: [
			t(sources.length ? 'office.reports.budget.counted' : 'office.reports.budget.none', {
				year: String(year)
			}),
			...(view.report.current.period.kind === 'year'
				? []
				: [t('office.reports.budget.wholeYear', { year: String(year) })])
		],
		tables: [table]
	};
}

const participants = (figures: PeriodFigures) =>
	sum(figures.measures.measures.map((measure) => measure.participants ?? 0));
const planned = (figures: PeriodFigures) =>
	sum(figures.budget.sources.map((source) => source.plannedCents));
const spent = (figures: PeriodFigures) =>
	sum(figures.budget.sources.map((source) => source.spentCents));

/** The summary page's key figures of the concept, the measures and the budget. */
export function measureSummary(
	view: ViewContext,
	withChange: (now: number, before: number) => string
): [string, string][] {
	const { t, current, previous } = view;
	const measures = current.measures.measures;
	const indicators = current.concept.fields.flatMap((field) =>
		field.goals.flatMap((goal) => goal.indicators)
	);
	return [
		[
			t('office.reports.summary.goals'),
			t('office.reports.summary.goalsValue', {
				goals: view.count(current.concept.fields.flatMap((field) => field.goals).length),
				indicators: view.count(indicators.length)
			})
		],
		[
			t('office.reports.summary.measures'),
			withChange(measures.length, previous.measures.measures.length)
		],
		[
			t('office.reports.summary.lights'),
			LIGHTS.map(
				(light) =>
					`${lightLabel(t, light)} ${view.count(measures.filter((m) => m.light === light).length)}`
			).join(', ')
		],
		[
			t('office.reports.summary.participants'),
			withChange(participants(current), participants(previous))
		],
		[
			t('office.reports.summary.budget', { year: String(current.budget.year) }),
			t('office.reports.summary.budgetValue', {
				planned: view.euro(planned(current) / 100),
				spent: view.euro(spent(current) / 100)
			})
		]
	];
}
