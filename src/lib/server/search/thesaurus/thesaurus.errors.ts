import { DomainError } from '../../../shared/errors/domain-error.js';
import { ValidationError } from '../../../shared/errors/validation-error.js';

/** Domain errors of the search thesaurus; routes turn them into messages. */
export class ConceptNotFoundError extends DomainError {
	constructor(readonly conceptId: number) {
		super(
			`Search concept ${conceptId} does not exist`,
			'not_found',
			'office.searchConcepts.notFound'
		);
	}
}

/**
 * A problem with a concept: its path (`key`, `labels.de`, `phrases.tr.2`, `actionFields`) and a
 * short code (`key_taken`, `entry_duplicate`, …), with the offending entry where one is named.
 */
export interface ThesaurusIssue {
	path: string;
	code: string;
	params?: Record<string, string | number>;
}

export class ThesaurusValidationError extends ValidationError<ThesaurusIssue> {
	constructor(issues: ThesaurusIssue[]) {
		super(
			issues,
			`Invalid search concept: ${issues.map((issue) => `${issue.path}: ${issue.code}`).join('; ')}`
		);
	}
}
