import { DomainError } from '../errors/domain-error.js';

/** Why an uploaded table cannot be read at all; the caller words it for its readers. */
export type TableProblem =
	| 'wrongFormat'
	| 'oldExcel'
	| 'xlsxUnreadable'
	| 'xlsxTooLarge'
	| 'csvQuoteNotClosed'
	| 'csvUnreadable';

/**
 * A CSV or XLSX file that is not worth reading row by row. Callers translate it into their own
 * error with their own wording; one that escapes still answers 400, never 500.
 */
export class UnreadableTableError extends DomainError {
	constructor(
		readonly problem: TableProblem,
		params?: Record<string, string | number>
	) {
		super(`Table file unreadable: ${problem}`, 'invalid', 'error.badRequest', params);
	}
}
