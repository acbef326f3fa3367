import { DomainError } from '../../shared/errors/domain-error.js';
import { ValidationError, type FieldIssue } from '../../shared/errors/validation-error.js';

/** Domain errors of the offers context; routes turn them into messages via one helper. */
export class OfferNotFoundError extends DomainError {
	constructor(readonly reference: string | number) {
		super(`Offer ${reference} does not exist or is not published`, 'not_found', 'offer.notFound');
	}
}

export type OfferIssue = FieldIssue;

export class OfferValidationError extends ValidationError {
	constructor(issues: OfferIssue[]) {
		super(
			issues,
			`Offer is invalid: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`
		);
	}
}

export class UnknownOrganisationError extends DomainError {
	constructor(readonly organisationId: number) {
		super(`Organisation ${organisationId} does not exist`, 'invalid', 'error.badRequest');
	}
}

/** A review step that the offer's open revision does not allow, or a missing review comment. */
export class WorkflowError extends DomainError {
	constructor(
		readonly code: 'wrong_state' | 'comment_required' | 'comment_too_long',
		readonly state?: string
	) {
		super(
			`Workflow step refused: ${code}${state ? ` (state ${state})` : ''}`,
			'conflict',
			`office.offer.error.${code}`
		);
	}
}
