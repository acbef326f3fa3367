import { DomainError } from '../../shared/errors/domain-error.js';
import { ValidationError } from '../../shared/errors/validation-error.js';

/** Domain errors of calls for candidates and applications; routes turn them into messages. */
export class CallNotFoundError extends DomainError {
	constructor(readonly callId: number | string) {
		super(`Call ${callId} does not exist`, 'not_found', 'office.calls.notFound');
	}
}

export class ApplicationNotFoundError extends DomainError {
	constructor(readonly applicationId: number) {
		super(
			`Application ${applicationId} does not exist`,
			'not_found',
			'office.applications.notFound'
		);
	}
}

/** A problem with an input: its path (`deadline`, `email`), a short code and what it needs. */
export interface CallIssue {
	path: string;
	code: string;
	params?: Record<string, string | number>;
}

export class CallValidationError extends ValidationError<CallIssue> {
	constructor(issues: CallIssue[]) {
		super(
			issues,
			`Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.code}`).join('; ')}`
		);
	}
}

/** The call takes no applications (a draft, closed, or past its deadline). */
export class CallClosedError extends DomainError {
	constructor(readonly callId: number) {
		super(`Call ${callId} is not open`, 'conflict', 'portal.participation.closed');
	}
}
