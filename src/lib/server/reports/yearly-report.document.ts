import type { Locale } from '../../i18n/locales.js';
import { translator } from '../../i18n/messages.js';
import { chartBlock } from '../../shared/charts/chart-block.js';
import type { DocumentBlock, DocumentModel } from '../../shared/files/document.js';
import { formatCell, type ReportTable, type ReportView } from './yearly-report.view.js';

/** A table's header and its rows written out, as the documents and the page show them. */
export function tableText(
	locale: Locale,
	table: ReportTable
): { header: string[]; rows: string[][] } {
	return {
		header: table.columns.map((column) => column.label),
		rows: table.rows.map((row) =>
			row.map((cell, index) => formatCell(locale, table.columns[index]!.kind, cell))
		)
	};
}

/**
 * The report as a document model: the summary page first, then each section with its chart
 * (as a picture with its table under it) and its tables; the DOCX and the PDF lay out the same.
 */
export function reportDocument(view: ReportView, locale: Locale): DocumentModel {
	const t = translator(locale);
	const blocks: DocumentBlock[] = [
		{ kind: 'heading', level: 1, text: t('office.reports.summary.heading') }
	];
	if (view.provisional)
		blocks.push({
			kind: 'paragraph',
			runs: [{ text: t('office.reports.provisionalNote'), bold: true }]
		});
	blocks.push({ kind: 'facts', rows: view.summary });
	for (const section of view.sections) {
		blocks.push(
			{ kind: 'pageBreak' },
			{ kind: 'heading', level: 1, text: section.heading },
			...section.notes.map((note): DocumentBlock => ({ kind: 'paragraph', runs: [{ text: note }] }))
		);
		for (const table of section.tables) {
			const text = tableText(locale, table);
			if (table.chart) blocks.push({ ...chartBlock(table.chart), ...text });
			else
				blocks.push({ kind: 'heading', level: 3, text: table.title }, { kind: 'table', ...text });
		}
	}
	return {
		title: view.title,
		subject: view.district,
		language: locale,
		fileName: `bericht-${view.period.toLowerCase()}`,
		blocks
	};
}
