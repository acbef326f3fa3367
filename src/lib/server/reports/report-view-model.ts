import { formatEuro, formatNumber, intlLocale } from '../../format.js';
import type { Locale } from '../../i18n/locales.js';
import type { Translate } from '../../i18n/messages.js';
import type { Chart } from '../../shared/charts/chart.js';
import type { Period } from '../../shared/time/period.js';
import type { PeriodFigures } from './report-figures.js';
import type { YearlyReport } from './yearly-report.service.js';

/** The report's view model, shared by the sections that build it, the page and the documents. */

/** How a column's numbers read: counts, signed changes, euros, or percent. */
export type ColumnKind = 'text' | 'count' | 'change' | 'euro' | 'percent';
export type Cell = string | number;

/** A figure that may be missing: an empty cell then, never a zero that was not reported. */
export const orBlank = (value: number | null | undefined): Cell => value ?? '';

/** A table of the report: shown on the page and in the documents, downloadable as XLSX/CSV. */
export interface ReportTable {
	/** ASCII, unique in the report: the download's name. */
	key: string;
	title: string;
	columns: { label: string; kind: ColumnKind }[];
	rows: Cell[][];
	/** A chart of the table's numbers, shown above it. */
	chart?: Chart;
}

export interface ReportSection {
	key: string;
	heading: string;
	/** Sentences under the heading, such as what is counted. */
	notes: string[];
	tables: ReportTable[];
}

export interface ReportView {
	title: string;
	district: string;
	period: string;
	provisional: boolean;
	/** The summary page: label and value. */
	summary: [string, string][];
	sections: ReportSection[];
}

export interface ViewContext {
	t: Translate;
	locale: Locale;
	report: YearlyReport;
	current: PeriodFigures;
	previous: PeriodFigures;
	currentLabel: string;
	previousLabel: string;
	count: (value: number) => string;
	change: (value: number) => string;
	/** Euros (not cents) as the reader writes them. */
	euro: (value: number) => string;
}

export function periodLabel(t: Translate, period: Period): string {
	const year = String(period.year);
	if (period.kind === 'year') return t('office.reports.periodLabel.year', { year });
	return t(`office.reports.periodLabel.${period.kind}`, { year, part: String(period.part) });
}

/** A cell as the documents and the page write it. */
export function formatCell(locale: Locale, kind: ColumnKind, value: Cell): string {
	if (typeof value === 'string') return value;
	if (kind === 'change')
		return new Intl.NumberFormat(intlLocale(locale), { signDisplay: 'exceptZero' }).format(value);
	// Euro cells hold euros, so a spreadsheet adds them up as they read.
	if (kind === 'euro') return formatEuro(locale, Math.round(value * 100));
	if (kind === 'percent')
		return new Intl.NumberFormat(intlLocale(locale), { style: 'percent' }).format(value / 100);
	return formatNumber(locale, value);
}
