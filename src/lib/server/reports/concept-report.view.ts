import { formatShortDate } from '../../format.js';
import { lineChart } from '../../shared/charts/line-chart.js';
import { parsePeriod } from '../../shared/time/period.js';
import type { GoalFigures, IndicatorFigures } from './measure-figures.js';
import {
	orBlank,
	periodLabel,
	type ReportSection,
	type ReportTable,
	type ViewContext
} from './report-view-model.js';

/** The report's view of the integration concept: per action field its goals and indicators. */

const goalText = (view: ViewContext, goal: GoalFigures) =>
	view.locale === 'en' && goal.en ? goal.en : goal.text;

function indicatorTable(view: ViewContext, indicator: IndicatorFigures): ReportTable | null {
	const { t } = view;
	if (!indicator.values.length) return null;
	const title = t('office.reports.concept.seriesTitle', {
		indicator: indicator.name,
		unit: indicator.unit
	});
	const periods = indicator.values.map((value) => periodLabel(t, parsePeriod(value.period)!));
	const target = indicator.target && {
		label: t('office.reports.concept.targetIn', { year: String(indicator.target.year) }),
		value: indicator.target.value
	};
	const baseline = indicator.baseline && {
		label: t('office.reports.concept.baselineOn', {
			date: formatShortDate(view.locale, indicator.baseline.on)
		}),
		value: indicator.baseline.value
	};
	const table: ReportTable = {
		key: `indicator-${indicator.id}`,
		title,
		columns: [
			{ label: t('office.reports.concept.period'), kind: 'text' },
			{ label: t('office.reports.concept.value'), kind: 'count' },
			...(target ? [{ label: target.label, kind: 'count' as const }] : []),
			...(baseline ? [{ label: baseline.label, kind: 'count' as const }] : [])
		],
		rows: indicator.values.map((value, index) => [
			periods[index]!,
			value.value,
			...(target ? [target.value] : []),
			...(baseline ? [baseline.value] : [])
		])
	};
	table.chart = lineChart({
		id: table.key,
		title,
		description: t('office.reports.concept.chartDescription', { subject: title }),
		periodLabel: t('office.reports.concept.period'),
		periods,
		series: [
			{
				label: t('office.reports.concept.value'),
				values: indicator.values.map((v) => v.value)
			}
		],
		...(target ? { target } : {}),
		...(baseline ? { baseline } : {}),
		format: view.count
	});
	return table;
}

/** Per action field with goals: its goals, each indicator's latest value against the target. */
export function conceptSections(view: ViewContext): ReportSection[] {
	const { t, locale, current } = view;
	const concept = current.concept;
	if (!concept.version)
		return [
			{
				key: 'concept',
				heading: t('office.reports.concept.heading'),
				notes: [t('office.reports.concept.none')],
				tables: []
			}
		];
	const version = t('office.reports.concept.version', {
		title: concept.version.title,
		date: formatShortDate(locale, concept.version.adoptedOn),
		from: String(concept.version.periodFrom),
		to: String(concept.version.periodTo)
	});
	return concept.fields.map((field) => {
		const fieldName = t(`field.${field.actionField}`);
		const guiding = field.goals.find((goal) => goal.guiding);
		const goalsTable: ReportTable = {
			key: `goals-${field.actionField.replace(/_/g, '-')}`,
			title: t('office.reports.concept.goalsTitle', { field: fieldName }),
			columns: [
				{ label: t('office.reports.concept.goal'), kind: 'text' },
				{ label: t('office.reports.concept.indicator'), kind: 'text' },
				{ label: t('office.reports.concept.unit'), kind: 'text' },
				{ label: t('office.reports.concept.baseline'), kind: 'count' },
				{ label: t('office.reports.concept.latest'), kind: 'count' },
				{ label: t('office.reports.concept.latestPeriod'), kind: 'text' },
				{ label: t('office.reports.concept.target'), kind: 'count' },
				{ label: t('office.reports.concept.targetYear'), kind: 'text' }
			],
			rows: field.goals.flatMap((goal) => {
				const text = goalText(view, goal);
				if (!goal.indicators.length) return [[text, '', '', '', '', '', '', '']];
				return goal.indicators.map((indicator) => {
					const latest = indicator.values.at(-1);
					return [
						text,
						indicator.name,
						indicator.unit,
						orBlank(indicator.baseline?.value),
						orBlank(latest?.value),
						latest ? periodLabel(t, parsePeriod(latest.period)!) : '',
						orBlank(indicator.target?.value),
						indicator.target ? String(indicator.target.year) : ''
					];
				});
			})
		};
		const series = field.goals
			.flatMap((goal) => goal.indicators)
			.map((indicator) => indicatorTable(view, indicator))
			.filter((table): table is ReportTable => table !== null);
		return {
			key: `concept-${field.actionField.replace(/_/g, '-')}`,
			heading: t('office.reports.concept.fieldHeading', { field: fieldName }),
			notes: [
				version,
				...(guiding
					? [t('office.reports.concept.guiding', { goal: goalText(view, guiding) })]
					: []),
				t('office.reports.concept.latestNote')
			],
			tables: [goalsTable, ...series]
		};
	});
}
