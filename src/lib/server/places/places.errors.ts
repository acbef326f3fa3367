import { DomainError } from '../../shared/errors/domain-error.js';

/** A line of the official place list that cannot be read; `reason` is for the operator's log. */
export class PlaceImportError extends DomainError {
	constructor(
		readonly line: number,
		readonly reason: string
	) {
		super(`Line ${line}: ${reason}`, 'invalid', 'error.badRequest', { line, reason });
	}
}
