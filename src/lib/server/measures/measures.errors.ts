import { DomainError } from '../../shared/errors/domain-error.js';
import { ValidationError } from '../../shared/errors/validation-error.js';

/** Domain errors of measures and funding sources; routes turn them into messages. */
export class MeasureNotFoundError extends DomainError {
	constructor(readonly measureId: number) {
		super(`Measure ${measureId} does not exist`, 'not_found', 'office.measures.notFound');
	}
}

export class FundingSourceNotFoundError extends DomainError {
	constructor(readonly fundingSourceId: number) {
		super(
			`Funding source ${fundingSourceId} does not exist`,
			'not_found',
			'office.measures.funding.notFound'
		);
	}
}

/** A problem with an input: its path (`endsOn`, `budget.spent`) and a short code. */
export interface MeasureIssue {
	path: string;
	code: string;
}

export class MeasureValidationError extends ValidationError<MeasureIssue> {
	constructor(issues: MeasureIssue[]) {
		super(
			issues,
			`Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.code}`).join('; ')}`
		);
	}
}
