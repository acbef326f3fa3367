import type { Actor } from '../accounts/authorization.js';
import type { Db } from '../db/schema.js';
import type { Locale } from '../../i18n/locales.js';
import { DOCUMENT_CONTENT_TYPES } from '../../shared/files/document.js';
import { documentDocx } from '../../shared/files/document-docx.js';
import { documentPdf } from '../../shared/files/document-pdf.js';
import { writeTableFile, type TableFile } from '../../shared/files/table-file.js';
import { ReportTableNotFoundError } from './reports.errors.js';
import { reportDocument } from './yearly-report.document.js';
import { yearlyReport } from './yearly-report.service.js';
import { reportView, type ReportTable } from './yearly-report.view.js';

/** The name of the whole report's download, before `.docx` or `.pdf`. */
export const REPORT_FILE = 'report';

// Sheet names may hold 31 characters and none of these.
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

function tableDownload(table: ReportTable, period: string) {
	const header = table.columns.map((column) => column.label);
	return {
		fileName: `${table.key}-${period.toLowerCase()}`,
		sheet: sheetName(table.title),
		rows: [header, ...table.rows],
		widths: table.columns.map((column) => (column.kind === 'text' ? 32 : 14))
	};
}

/**
 * A file of the report for a period: `report.docx`, `report.pdf`, or one of its tables as
 * `<table>.xlsx` / `<table>.csv` with the numbers as numbers. Same figures as the page.
 */
export async function reportFile(
	db: Db,
	actor: Actor,
	periodText: string,
	name: string,
	locale: Locale,
	now = new Date()
): Promise<TableFile> {
	const match = /^([a-z0-9-]{1,60})\.(docx|pdf|xlsx|csv)$/.exec(name);
	if (!match) throw new ReportTableNotFoundError(name.slice(0, 60));
	const [, base, format] = match as unknown as [string, string, 'docx' | 'pdf' | 'xlsx' | 'csv'];
	const view = reportView(await yearlyReport(db, actor, periodText, now), locale);
	if (format === 'docx' || format === 'pdf') {
		if (base !== REPORT_FILE) throw new ReportTableNotFoundError(base);
		const document = reportDocument(view, locale);
		const body = format === 'docx' ? await documentDocx(document) : await documentPdf(document);
		return {
			body: new Uint8Array(body),
			contentType: DOCUMENT_CONTENT_TYPES[format],
			filename: `${document.fileName}.${format}`
		};
	}
	const table = view.sections.flatMap((section) => section.tables).find((t) => t.key === base);
	if (!table) throw new ReportTableNotFoundError(base);
	return writeTableFile(format, tableDownload(table, view.period));
}
