import { readCsv, unprotectCell } from '../../shared/files/csv.js';
import { formatBytes, MAX_FILE_BYTES, MAX_ROWS } from './limits.js';
import { ExchangeFileError } from './exchange.errors.js';
import { readXlsx } from '../../shared/files/xlsx.js';

export interface UploadedFile {
	name: string;
	bytes: Uint8Array;
}

export type TableFormat = 'csv' | 'xlsx';

export interface Table {
	format: TableFormat;
	header: string[];
	/** Data rows that are not blank, with their spreadsheet row number (the header is row 1). */
	rows: { row: number; cells: string[] }[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) =>
	magic.every((byte, index) => bytes[index] === byte);

/** CSV or XLSX by content, checked against the name: a renamed PDF is refused, not parsed. */
export function formatOf(file: UploadedFile): TableFormat {
	const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
	if (extension === 'xls' || startsWith(file.bytes, OLE)) throw new ExchangeFileError('oldExcel');
	if (startsWith(file.bytes, ZIP)) {
		if (extension === 'xlsx' || extension === 'csv') return 'xlsx';
		throw new ExchangeFileError('wrongFormat');
	}
	if (extension === 'csv' || extension === 'txt') return 'csv';
	if (extension === 'xlsx') throw new ExchangeFileError('xlsxUnreadable');
	throw new ExchangeFileError('wrongFormat');
}

/** Reads an uploaded spreadsheet; throws ExchangeFileError for anything not worth reading row by row. */
export async function readTable(file: UploadedFile): Promise<Table> {
	if (file.bytes.length === 0) throw new ExchangeFileError('empty');
	if (file.bytes.length > MAX_FILE_BYTES)
		throw new ExchangeFileError('tooLarge', {
			size: formatBytes(file.bytes.length),
			max: formatBytes(MAX_FILE_BYTES)
		});
	const format = formatOf(file);
	const records = format === 'csv' ? readCsv(file.bytes) : await readXlsx(file.bytes);
	const [header = [], ...data] = records.map((record) => record.map(unprotectCell));
	if (header.every((cell) => !cell.trim())) throw new ExchangeFileError('empty');
	const rows = data
		.map((cells, index) => ({ row: index + 2, cells }))
		.filter(({ cells }) => cells.some((cell) => cell.trim()));
	if (rows.length === 0) throw new ExchangeFileError('noRows');
	if (rows.length > MAX_ROWS)
		throw new ExchangeFileError('tooManyRows', { count: rows.length, max: MAX_ROWS });
	return { format, header, rows };
}
