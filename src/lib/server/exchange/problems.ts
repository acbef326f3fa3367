import type { ColumnKey } from './columns.js';
import { headerOf } from './columns.js';

/**
 * One thing wrong with an import file, as a catalogue key the office page words in the reader's
 * language. `row` is the spreadsheet row (the header is row 1); null for the file as a whole.
 */
export interface ExchangeProblem {
	row: number | null;
	column: string | null;
	key: string;
	params?: Record<string, string | number>;
}

export const PROBLEM = 'office.import.problem.';
export const FILE_PROBLEM = 'office.import.fileProblem.';

export function rowProblem(
	row: number,
	column: ColumnKey,
	key: string,
	params?: Record<string, string | number>
): ExchangeProblem {
	return { row, column: headerOf(column), key: PROBLEM + key, ...(params ? { params } : {}) };
}

export function fileProblem(
	key: string,
	params?: Record<string, string | number>
): ExchangeProblem {
	return { row: null, column: null, key: FILE_PROBLEM + key, ...(params ? { params } : {}) };
}

/** A cell value cut for quoting in a message. */
export function quoted(value: string): string {
	return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
