import { DomainError } from '../../shared/errors/domain-error.js';
import { ValidationError, type FieldIssue } from '../../shared/errors/validation-error.js';

/** Domain errors of the contact directory, its consents and the record of processing purposes. */
export class ContactNotFoundError extends DomainError {
	constructor(readonly contactId: number) {
		super(`Contact ${contactId} does not exist`, 'not_found', 'office.directory.notFound');
	}
}

export class PurposeNotFoundError extends DomainError {
	constructor(readonly purposeId: number) {
		super(
			`Processing purpose ${purposeId} does not exist`,
			'not_found',
			'office.purposes.notFound'
		);
	}
}

/** Every problem of a contact, consent or purpose at once, by input. */
export class ContactValidationError extends ValidationError {
	constructor(issues: FieldIssue[]) {
		super(
			issues,
			`Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`
		);
	}
}

/** A change to a person who has been erased: only their "former participant" row is left. */
export class ContactErasedError extends DomainError {
	constructor(readonly contactId: number) {
		super(`Contact ${contactId} has been erased`, 'conflict', 'office.directory.notFound');
	}
}
