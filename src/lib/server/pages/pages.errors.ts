import { DomainError } from '../../shared/errors/domain-error.js';
import { ValidationError, type FieldIssue } from '../../shared/errors/validation-error.js';

export class PageNotFoundError extends DomainError {
	constructor(readonly slug: string) {
		super(`No page "${slug}"`, 'not_found', 'error.notFound');
	}
}

/** What is wrong with a page's texts or translations, one issue per input. */
export class PageValidationError extends ValidationError {
	constructor(issues: FieldIssue[]) {
		super(issues, `Invalid page: ${issues.map((issue) => issue.path).join(', ')}`);
	}
}
