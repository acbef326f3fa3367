import { DomainError } from '../../shared/errors/domain-error.js';
import { ValidationError } from '../../shared/errors/validation-error.js';

/** Domain errors of chains; routes turn them into messages. */
export class ChainNotFoundError extends DomainError {
	constructor(readonly chainId: number | string) {
		super(`Chain ${chainId} does not exist`, 'not_found', 'office.chains.notFound');
	}
}

export class StageNotFoundError extends DomainError {
	constructor(readonly stageId: number) {
		super(`Stage ${stageId} does not exist`, 'not_found', 'office.chains.stage.notFound');
	}
}

export class TransitionNotFoundError extends DomainError {
	constructor(readonly transitionId: number) {
		super(
			`Transition ${transitionId} does not exist`,
			'not_found',
			'office.chains.transition.notFound'
		);
	}
}

export class FrictionReportNotFoundError extends DomainError {
	constructor(readonly reportId: number) {
		super(
			`Friction report ${reportId} does not exist`,
			'not_found',
			'office.chains.friction.notFound'
		);
	}
}

export class ReviewNotFoundError extends DomainError {
	constructor(readonly reviewId: number) {
		super(`Chain review ${reviewId} does not exist`, 'not_found', 'office.chains.review.notFound');
	}
}

/**
 * A problem with an input: its path (`follows`, `reachKm`, `toStageId`) and a short code; a
 * cycle names the stages along it, so the page can say which way round it goes.
 */
export interface ChainIssue {
	path: string;
	code: string;
	params?: Record<string, string | number>;
}

export class ChainValidationError extends ValidationError<ChainIssue> {
	constructor(issues: ChainIssue[]) {
		super(
			issues,
			`Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.code}`).join('; ')}`
		);
	}
}
