import { DomainError } from '../../shared/errors/domain-error.js';
import { ValidationError, type FieldIssue } from '../../shared/errors/validation-error.js';

/** Domain errors of organisation profiles and their contact persons. */
export class OrganisationNotFoundError extends DomainError {
	constructor(readonly organisationId: number) {
		super(
			`Organisation ${organisationId} does not exist`,
			'not_found',
			'office.organisations.notFound'
		);
	}
}

export class ContactPersonNotFoundError extends DomainError {
	constructor(readonly contactId: number) {
		super(
			`Contact person ${contactId} does not exist`,
			'not_found',
			'office.organisations.notFound'
		);
	}
}

/** Every problem of a profile or contact person at once, by input path (name, email, …). */
export class OrganisationValidationError extends ValidationError {
	constructor(issues: FieldIssue[]) {
		super(
			issues,
			`Organisation is invalid: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`
		);
	}
}
