import { formatShortDate } from '../../format.js';
import type { Locale } from '../../i18n/locales.js';
import { translator } from '../../i18n/messages.js';
import { barChart } from '../../shared/charts/bar-chart.js';
import { formatPeriod } from '../../shared/time/period.js';
import type { PeriodFigures } from './report-figures.js';
import {
	formatCell,
	periodLabel,
	type ReportSection,
	type ReportTable,
	type ReportView,
	type ViewContext
} from './report-view-model.js';
import type { YearlyReport } from './yearly-report.service.js';
import { conceptSections } from './concept-report.view.js';
import { budgetSection, measureSummary, measuresSection } from './measures-report.view.js';
import { committeesSection } from './committees-report.view.js';

export {
	formatCell,
	periodLabel,
	type Cell,
	type ColumnKind,
	type ReportSection,
	type ReportTable,
	type ReportView
} from './report-view-model.js';

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

function meetingsSection(view: ViewContext): ReportSection {
	const { t, current } = view;
	const networks = current.meetings.networks;
	const table: ReportTable = {
		key: 'meetings-by-network',
		title: t('office.reports.meetings.tableTitle', { period: view.currentLabel }),
		columns: [
			{ label: t('office.reports.meetings.network'), kind: 'text' },
			{ label: t('office.reports.meetings.meetings'), kind: 'count' },
			{ label: t('office.reports.meetings.attendances'), kind: 'count' }
		],
		rows: [
			...networks.map((row) => [row.networkName, row.meetings, row.attendances]),
			[
				t('office.reports.total'),
				sum(networks.map((row) => row.meetings)),
				sum(networks.map((row) => row.attendances))
			]
		]
	};
	const chart = networks.length
		? barChart({
				id: 'meetings-by-network',
				title: table.title,
				description: t('chart.description.bars', { subject: table.title }),
				categoryLabel: t('office.reports.meetings.network'),
				categories: networks.map((row) => row.networkName),
				series: [
					{
						label: t('office.reports.meetings.meetings'),
						values: networks.map((row) => row.meetings)
					}
				],
				format: view.count
			})
		: null;
	return {
		key: 'meetings',
		heading: t('office.reports.meetings.heading'),
		notes: [
			t(networks.length ? 'office.reports.meetings.counted' : 'office.reports.meetings.none')
		],
		tables: [chart ? { ...table, chart } : table]
	};
}

function offersSection(view: ViewContext): ReportSection {
	const { t, current, previous } = view;
	const previousByField = new Map(
		previous.offers.byActionField.map((row) => [row.actionField, row.count])
	);
	const fields = current.offers.byActionField.map((row) => {
		const before = previousByField.get(row.actionField) ?? 0;
		return { label: t(`field.${row.actionField}`), before, now: row.count };
	});
	const changeColumns = [
		{ label: view.previousLabel, kind: 'count' as const },
		{ label: view.currentLabel, kind: 'count' as const },
		{ label: t('office.reports.change'), kind: 'change' as const }
	];
	const byField: ReportTable = {
		key: 'offers-by-action-field',
		title: t('office.reports.offers.byFieldTitle'),
		columns: [{ label: t('office.reports.offers.actionField'), kind: 'text' }, ...changeColumns],
		rows: fields.map((row) => [row.label, row.before, row.now, row.now - row.before])
	};

	const places = new Map<number, { name: string; amt: string; before: number; now: number }>();
	for (const [figures, which] of [
		[previous, 'before'],
		[current, 'now']
	] as const)
		for (const place of figures.offers.byPlace) {
			const entry = places.get(place.placeId) ?? {
				name: place.name,
				amt: place.amt ?? '',
				before: 0,
				now: 0
			};
			entry[which] = place.count;
			places.set(place.placeId, entry);
		}
	const placeRows = [...places.values()].sort(
		(a, b) => b.now - a.now || b.before - a.before || a.name.localeCompare(b.name, 'de')
	);
	const byPlace: ReportTable = {
		key: 'offers-by-municipality',
		title: t('office.reports.offers.byPlaceTitle'),
		columns: [
			{ label: t('office.reports.offers.municipality'), kind: 'text' },
			{ label: t('office.reports.offers.amt'), kind: 'text' },
			...changeColumns
		],
		rows: [
			...placeRows.map((row) => [row.name, row.amt, row.before, row.now, row.now - row.before]),
			[
				t('office.reports.offers.online'),
				'',
				previous.offers.online,
				current.offers.online,
				current.offers.online - previous.offers.online
			],
			[
				t('office.reports.total'),
				'',
				previous.offers.total,
				current.offers.total,
				current.offers.total - previous.offers.total
			]
		]
	};
	byField.chart = barChart({
		id: 'offers-by-action-field',
		title: byField.title,
		description: t('chart.description.barsCompared', {
			subject: byField.title,
			period: view.currentLabel,
			previous: view.previousLabel
		}),
		categoryLabel: t('office.reports.offers.actionField'),
		categories: fields.map((row) => row.label),
		series: [
			{ label: view.previousLabel, values: fields.map((row) => row.before) },
			{ label: view.currentLabel, values: fields.map((row) => row.now) }
		],
		format: view.count
	});
	return {
		key: 'offers',
		heading: t('office.reports.offers.heading'),
		notes: [t('office.reports.offers.counted'), t('office.reports.offers.severalFields')],
		tables: [byField, byPlace]
	};
}

/**
 * The report's sections in order, as the funder reads them: the concept per action field, the
 * measures, networks and meetings, offers, the budget, the committees. A new section adds its figures to
 * FIGURE_SECTIONS and its view here.
 */
const SECTIONS: ((view: ViewContext) => ReportSection | ReportSection[])[] = [
	conceptSections,
	measuresSection,
	meetingsSection,
	offersSection,
	budgetSection,
	committeesSection
];

function summary(view: ViewContext): [string, string][] {
	const { t, locale, report, current, previous } = view;
	const withChange = (now: number, before: number) =>
		t('office.reports.summary.withChange', {
			value: view.count(now),
			previous: view.count(before),
			change: view.change(now - before)
		});
	const meetings = (figures: PeriodFigures) =>
		sum(figures.meetings.networks.map((n) => n.meetings));
	const attendances = (figures: PeriodFigures) =>
		sum(figures.meetings.networks.map((n) => n.attendances));
	const placesWithOffers = (figures: PeriodFigures) =>
		figures.offers.byPlace.filter((place) => place.count > 0).length;
	const frozenAt = report.current.frozenAt;
	return [
		[
			t('office.reports.summary.period'),
			`${view.currentLabel} (${formatShortDate(locale, report.current.days.from)} – ${formatShortDate(locale, report.current.days.to)})`
		],
		[t('office.reports.summary.district'), report.district],
		[
			t('office.reports.summary.status'),
			frozenAt
				? t('office.reports.status.final', { date: formatShortDate(locale, frozenAt.slice(0, 10)) })
				: t('office.reports.status.provisional', { date: formatShortDate(locale, report.asOf) })
		],
		[t('office.reports.summary.comparison'), view.previousLabel],
		[
			t('office.reports.summary.networksMet'),
			t('office.reports.summary.ofTotal', {
				value: view.count(current.meetings.networks.filter((n) => n.meetings > 0).length),
				total: view.count(current.meetings.networks.length)
			})
		],
		[t('office.reports.summary.meetings'), withChange(meetings(current), meetings(previous))],
		[
			t('office.reports.summary.attendances'),
			withChange(attendances(current), attendances(previous))
		],
		[t('office.reports.summary.offers'), withChange(current.offers.total, previous.offers.total)],
		[
			t('office.reports.summary.placesWithOffers'),
			withChange(placesWithOffers(current), placesWithOffers(previous))
		],
		[t('office.reports.summary.online'), withChange(current.offers.online, previous.offers.online)],
		...measureSummary(view, withChange)
	];
}

/** The report as the page and the documents show it, in the reader's language. */
export function reportView(report: YearlyReport, locale: Locale): ReportView {
	const t = translator(locale);
	const view: ViewContext = {
		t,
		locale,
		report,
		current: report.current.figures,
		previous: report.previous.figures,
		currentLabel: periodLabel(t, report.current.period),
		previousLabel: periodLabel(t, report.previous.period),
		count: (value) => formatCell(locale, 'count', value),
		change: (value) => formatCell(locale, 'change', value),
		euro: (value) => formatCell(locale, 'euro', value)
	};
	return {
		title: t('office.reports.docTitle', { period: view.currentLabel }),
		district: report.district,
		period: formatPeriod(report.current.period),
		provisional: report.current.frozenAt === null,
		summary: summary(view),
		sections: SECTIONS.flatMap((section) => section(view))
	};
}
