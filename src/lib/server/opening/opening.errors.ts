import { DomainError } from '../../shared/errors/domain-error.js';
import { ValidationError } from '../../shared/errors/validation-error.js';

/** Domain errors of the intercultural opening; routes turn them into messages. */
export class UnitNotFoundError extends DomainError {
	constructor(readonly unitId: number) {
		super(`Opening unit ${unitId} does not exist`, 'not_found', 'office.opening.unit.notFound');
	}
}

export class RoundNotFoundError extends DomainError {
	constructor(readonly roundId: number) {
		super(
			`Assessment round ${roundId} does not exist`,
			'not_found',
			'office.opening.round.notFound'
		);
	}
}

export class ActionNotFoundError extends DomainError {
	constructor(readonly actionId: number) {
		super(
			`Improvement action ${actionId} does not exist`,
			'not_found',
			'office.opening.action.notFound'
		);
	}
}

/** A submitted round is read-only until a coordinator reopens it. */
export class RoundSubmittedError extends DomainError {
	constructor(readonly roundId: number) {
		super(`Round ${roundId} is submitted`, 'conflict', 'office.opening.round.locked');
	}
}

/**
 * A problem with an input: its path (`name`, `rating.staff-ads`, `dimensions.2.title.en`) and a
 * short code; a round that cannot be submitted names every item still unanswered.
 */
export interface OpeningIssue {
	path: string;
	code: string;
	params?: Record<string, string | number>;
}

export class OpeningValidationError extends ValidationError<OpeningIssue> {
	constructor(issues: OpeningIssue[]) {
		super(
			issues,
			`Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.code}`).join('; ')}`
		);
	}
}
