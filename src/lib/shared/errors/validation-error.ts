import { DomainError } from './domain-error.js';

/** One problem with an input: `code` is zod's issue code (too_small, invalid_format, …) where one applies. */
export interface FieldIssue {
	/** The input it concerns: name, email, agenda.2.start, … */
	path: string;
	message: string;
	code?: string;
	limit?: number;
}

/** Every problem of an input at once, by path; the edge answers "bad request". */
export abstract class ValidationError<
	Issue extends { path: string } = FieldIssue
> extends DomainError {
	protected constructor(
		readonly issues: Issue[],
		message: string
	) {
		super(message, 'invalid', 'error.badRequest');
	}
}
