import { DomainError } from '../../shared/errors/domain-error.js';
import { ValidationError } from '../../shared/errors/validation-error.js';

/** Domain errors of the committee register; routes turn them into messages. */
export class CommitteeNotFoundError extends DomainError {
	constructor(readonly committeeId: number | string) {
		super(`Committee ${committeeId} does not exist`, 'not_found', 'office.committees.notFound');
	}
}

export class TermNotFoundError extends DomainError {
	constructor(readonly termId: number) {
		super(`Term ${termId} does not exist`, 'not_found', 'office.committees.term.notFound');
	}
}

export class MemberNotFoundError extends DomainError {
	constructor(readonly memberId: number) {
		super(
			`Membership ${memberId} does not exist`,
			'not_found',
			'office.committees.member.notFound'
		);
	}
}

/** A problem with an input: its path (`endsOn`, `contactId`, `women`) and a short code. */
export interface CommitteeIssue {
	path: string;
	code: string;
	params?: Record<string, string | number>;
}

export class CommitteeValidationError extends ValidationError<CommitteeIssue> {
	constructor(issues: CommitteeIssue[]) {
		super(
			issues,
			`Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.code}`).join('; ')}`
		);
	}
}
