import type { KeysUnder, MessageKey } from '../../i18n/messages.js';
import type { ColumnKey } from './columns.js';
import { headerOf } from './columns.js';

/**
 * One thing wrong with an import file, as a catalogue key the office page words in the reader's
 * language. `row` is the spreadsheet row (the header is row 1); null for the file as a whole.
 */
export interface ExchangeProblem {
	row: number | null;
	column: string | null;
	key: MessageKey;
	params?: Record<string, string | number>;
}

export const PROBLEM = 'office.import.problem.';
export const FILE_PROBLEM = 'office.import.fileProblem.';
/** What can be wrong with a row's cell, and with a file: the catalogue's keys under the prefixes. */
export type RowProblemKey = KeysUnder<typeof PROBLEM>;
export type FileProblemKey = KeysUnder<typeof FILE_PROBLEM>;

export function rowProblem(
	row: number,
	column: ColumnKey,
	key: RowProblemKey,
	params?: Record<string, string | number>
): ExchangeProblem {
	return { row, column: headerOf(column), key: `${PROBLEM}${key}`, ...(params ? { params } : {}) };
}

export function fileProblem(
	key: FileProblemKey,
	params?: Record<string, string | number>
): ExchangeProblem {
	return { row: null, column: null, key: `${FILE_PROBLEM}${key}`, ...(params ? { params } : {}) };
}

/** A cell value cut for quoting in a message. */
export function quoted(value: string): string {
	return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
