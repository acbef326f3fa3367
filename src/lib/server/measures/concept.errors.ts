import { DomainError } from '../../shared/errors/domain-error.js';
import { ValidationError } from '../../shared/errors/validation-error.js';

/** Domain errors of the integration concept; routes turn them into statuses and messages. */
export class ConceptNotFoundError extends DomainError {
	constructor(
		readonly entity: 'concept' | 'goal' | 'indicator' | 'value',
		readonly id: number
	) {
		super(`${entity} ${id} does not exist`, 'not_found', 'office.concept.notFound');
	}
}

/** A problem with an input: the input it concerns (`targetYear`, `period`) and a short code. */
export interface ConceptIssue {
	path: string;
	code: string;
}

export class ConceptValidationError extends ValidationError<ConceptIssue> {
	constructor(issues: ConceptIssue[]) {
		super(
			issues,
			`Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.code}`).join('; ')}`
		);
	}
}
