import {
	readTableRecords,
	type TableFormat,
	type UploadedFile
} from '../../shared/files/table-file.js';
import { formatBytes } from '../../shared/files/limits.js';
import { UnreadableTableError } from '../../shared/files/unreadable-table.js';
import { MAX_FILE_BYTES, MAX_ROWS } from './limits.js';
import { ExchangeFileError } from './exchange.errors.js';
import { OFFERS_SHEET } from './template.js';

export interface Table {
	format: TableFormat;
	header: string[];
	/** Data rows that are not blank, with their spreadsheet row number (the header is row 1). */
	rows: { row: number; cells: string[] }[];
}

/** Reads an uploaded spreadsheet; throws ExchangeFileError for anything not worth reading row by row. */
export async function readTable(file: UploadedFile): Promise<Table> {
	if (file.bytes.length === 0) throw new ExchangeFileError('empty');
	if (file.bytes.length > MAX_FILE_BYTES)
		throw new ExchangeFileError('tooLarge', {
			size: formatBytes(file.bytes.length),
			max: formatBytes(MAX_FILE_BYTES)
		});
	const { format, records } = await readRecords(file);
	const [header = [], ...data] = records;
	if (header.every((cell) => !cell.trim())) throw new ExchangeFileError('empty');
	const rows = data
		.map((cells, index) => ({ row: index + 2, cells }))
		.filter(({ cells }) => cells.some((cell) => cell.trim()));
	if (rows.length === 0) throw new ExchangeFileError('noRows');
	if (rows.length > MAX_ROWS)
		throw new ExchangeFileError('tooManyRows', { count: rows.length, max: MAX_ROWS });
	return { format, header, rows };
}

/** The file readers' refusal, worded as the import's own file problem. */
async function readRecords(file: UploadedFile) {
	try {
		return await readTableRecords(file, { sheet: OFFERS_SHEET });
	} catch (error) {
		if (error instanceof UnreadableTableError)
			throw new ExchangeFileError(error.problem, error.params);
		throw error;
	}
}
