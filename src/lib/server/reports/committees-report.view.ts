import { committeeTypeLabel, shownCountText, termLabel } from '../../i18n/committee-labels.js';
import { formatShortDate } from '../../format.js';
import { FIGURE_COUNTS } from '../committees/committees.schema.js';
import type { ReportSection, ReportTable, ViewContext } from './report-view-model.js';

/**
 * "Gremien": each committee's representation figures in the term of the period, as the
 * committees context let them out — a suppressed count is the words, never the number.
 */
export function committeesSection(view: ViewContext): ReportSection {
	const { t, locale } = view;
	const committees = view.current.committees;
	const table: ReportTable = {
		key: 'committees',
		title: t('office.reports.committees.tableTitle', { period: view.currentLabel }),
		columns: [
			{ label: t('office.committees.name'), kind: 'text' },
			{ label: t('office.committees.typeLabel'), kind: 'text' },
			{ label: t('office.committees.term.label'), kind: 'text' },
			{ label: t('office.committees.figures.recordedOn'), kind: 'text' },
			...FIGURE_COUNTS.map((name) => ({
				label: t(`office.committees.figures.${name}`),
				kind: 'count' as const
			}))
		],
		rows: committees.map((committee) => [
			committee.name,
			committeeTypeLabel(t, committee.type),
			termLabel(t, locale, { startsOn: committee.termStartsOn, endsOn: committee.termEndsOn }),
			formatShortDate(locale, committee.recordedOn),
			...FIGURE_COUNTS.map((name) => {
				const count = committee.counts[name];
				return typeof count === 'number' ? count : shownCountText(t, locale, count);
			})
		])
	};
	return {
		key: 'committees',
		heading: t('office.reports.committees.heading'),
		notes: [
			t('office.reports.committees.note'),
			...(committees.length ? [] : [t('office.reports.committees.none')])
		],
		tables: committees.length ? [table] : []
	};
}
