import { CsvError, parse } from 'csv-parse/sync';
import { UnreadableTableError } from './unreadable-table.js';

/**
 * CSV as spreadsheet programs write it: UTF-8 with or without BOM (Excel's "CSV UTF-8"), or
 * Windows-1252 (Excel's plain "CSV" on German Windows); `;` (German Excel), `,` or tab.
 */
export function decodeText(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

/** The delimiter that occurs most often outside quotes in the first line. */
export function detectDelimiter(text: string): string {
	const counts = new Map<string, number>([
		[';', 0],
		[',', 0],
		['\t', 0]
	]);
	let quoted = false;
	for (const char of text) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && (char === '\n' || char === '\r')) break;
		else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
	}
	return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/** Every record of the file, blank lines included, so that record n is spreadsheet row n. */
export function readCsv(bytes: Uint8Array): string[][] {
	const text = decodeText(bytes);
	if (text.includes('\u0000')) throw new UnreadableTableError('wrongFormat');
	try {
		return parse(text, {
			delimiter: detectDelimiter(text),
			bom: true,
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: false
		}) as string[][];
	} catch (error) {
		if (!(error instanceof CsvError)) throw error;
		const line = (error as CsvError & { lines?: number }).lines ?? 0;
		throw new UnreadableTableError(
			error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'csvQuoteNotClosed' : 'csvUnreadable',
			{ line }
		);
	}
}

// A cell starting like a formula is run by spreadsheet programs; a leading ' keeps it text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Undoes the protective `'` an export put before formula-like text. */
export function unprotectCell(text: string): string {
	return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

function csvCell(value: string | number): string {
	// A number is written as it is: a minus sign before it is no formula.
	if (typeof value === 'number') return String(value);
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV for German Excel: UTF-8 with BOM, `;` between cells, CRLF between rows. */
export function writeCsv(rows: readonly (readonly (string | number)[])[]): string {
	return '\uFEFF' + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
