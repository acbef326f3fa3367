import ExcelJS from 'exceljs';
import { MAX_UNPACKED_BYTES } from './limits.js';
import { UnreadableTableError } from './unreadable-table.js';
import { measureZip } from './zip-guard.js';
import { fromUtcFields } from '../time/wall-clock.js';

type ExcelBuffer = Parameters<ExcelJS.Xlsx['load']>[0];

/** Spreadsheet dates arrive as UTC instants of the typed wall-clock time. */
function dateText(date: Date): string {
	const [day, time] = fromUtcFields(date).split('T');
	return time === '00:00' ? day! : `${day} ${time}`;
}

function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return dateText(value);
	if (typeof value !== 'object') return String(value);
	if ('richText' in value) return value.richText.map((part) => part.text).join('');
	if ('hyperlink' in value)
		return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
	if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
	return '';
}

/** The rows of the named sheet (or the first sheet) as text; row n of the sheet is index n-1. */
export async function readXlsx(bytes: Uint8Array, sheetName?: string): Promise<string[][]> {
	// exceljs takes only the packed archive, so it inflates again what passed; counting and
	// dropping here keeps a refused archive from ever being held unpacked.
	const verdict = await measureZip(bytes, MAX_UNPACKED_BYTES);
	if (verdict.kind === 'unreadable') throw new UnreadableTableError('xlsxUnreadable');
	if (verdict.kind === 'tooLarge') throw new UnreadableTableError('xlsxTooLarge');
	const workbook = new ExcelJS.Workbook();
	try {
		// exceljs declares its own `Buffer extends ArrayBuffer`, which no Node Buffer satisfies.
		await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelBuffer);
	} catch {
		throw new UnreadableTableError('xlsxUnreadable');
	}
	const sheet = (sheetName && workbook.getWorksheet(sheetName)) || workbook.worksheets[0];
	const rows: string[][] = [];
	sheet?.eachRow((row, number) => {
		const cells: string[] = [];
		row.eachCell({ includeEmpty: true }, (cell, column) => {
			cells[column - 1] = cellText(cell.value);
		});
		rows[number - 1] = Array.from(cells, (cell) => cell ?? '');
	});
	return Array.from(rows, (row) => row ?? []);
}

export interface Sheet {
	name: string;
	/** Text cells, and numbers that stay numbers for the spreadsheet to add up. */
	rows: readonly (readonly (string | number)[])[];
	/** Column widths in characters. */
	widths: readonly number[];
}

/** A workbook of text and number cells with a bold, frozen header row per sheet. */
export async function writeXlsx(sheets: readonly Sheet[]): Promise<Uint8Array<ArrayBuffer>> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'KITZ';
	for (const { name, rows, widths } of sheets) {
		const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.columns = widths.map((width) => ({ width }));
		for (const row of rows) sheet.addRow([...row]);
		sheet.getRow(1).font = { bold: true };
		sheet.getRow(1).alignment = { vertical: 'top', wrapText: true };
	}
	// A Node Buffer at run time; copied into a plain byte array for web Responses.
	return new Uint8Array((await workbook.xlsx.writeBuffer()) as unknown as ArrayLike<number>);
}
