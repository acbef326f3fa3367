import { UnreadableTableError } from './unreadable-table.js';
import { readCsv, unprotectCell, writeCsv } from './csv.js';
import { readXlsx, writeXlsx } from './xlsx.js';

/** A table travels as CSV (German Excel) or as an Excel workbook. */
export type TableFormat = 'csv' | 'xlsx';

export interface UploadedFile {
	name: string;
	bytes: Uint8Array;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) =>
	magic.every((byte, index) => bytes[index] === byte);

/** CSV or XLSX by content, checked against the name: a renamed PDF is refused, not parsed. */
export function formatOf(file: UploadedFile): TableFormat {
	const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
	if (extension === 'xls' || startsWith(file.bytes, OLE))
		throw new UnreadableTableError('oldExcel');
	if (startsWith(file.bytes, ZIP)) {
		if (extension === 'xlsx' || extension === 'csv') return 'xlsx';
		throw new UnreadableTableError('wrongFormat');
	}
	if (extension === 'csv' || extension === 'txt') return 'csv';
	if (extension === 'xlsx') throw new UnreadableTableError('xlsxUnreadable');
	throw new UnreadableTableError('wrongFormat');
}

/**
 * Every record of an uploaded table as text, record n being spreadsheet row n; the `'` an export
 * put before formula-like text is taken off again. A workbook is read from the named sheet if it
 * has one, else from its first sheet.
 */
export async function readTableRecords(
	file: UploadedFile,
	options: { sheet?: string } = {}
): Promise<{ format: TableFormat; records: string[][] }> {
	const format = formatOf(file);
	const records =
		format === 'csv' ? readCsv(file.bytes) : await readXlsx(file.bytes, options.sheet);
	return { format, records: records.map((record) => record.map(unprotectCell)) };
}

export const TABLE_CONTENT_TYPES: Record<TableFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

export interface TableFile {
	body: string | Uint8Array<ArrayBuffer>;
	contentType: string;
	filename: string;
}

export interface TableDownload {
	/** File name without extension. */
	fileName: string;
	/** Name of the workbook's one sheet. */
	sheet: string;
	/** The header row first; numbers stay numbers in the workbook. */
	rows: readonly (readonly (string | number)[])[];
	/** Column widths in characters, for the workbook. */
	widths: readonly number[];
}

/** One table as a download: CSV for German Excel, or a workbook of one sheet. */
export async function writeTableFile(
	format: TableFormat,
	table: TableDownload
): Promise<TableFile> {
	if (format === 'csv')
		return {
			body: writeCsv(table.rows),
			contentType: TABLE_CONTENT_TYPES.csv,
			filename: `${table.fileName}.csv`
		};
	return {
		body: await writeXlsx([{ name: table.sheet, rows: table.rows, widths: table.widths }]),
		contentType: TABLE_CONTENT_TYPES.xlsx,
		filename: `${table.fileName}.xlsx`
	};
}
