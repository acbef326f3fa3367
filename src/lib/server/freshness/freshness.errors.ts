import { DomainError } from '../../shared/errors/domain-error.js';

export type VerificationLinkProblem = 'unknown' | 'used' | 'expired';

/** A "still correct" link that cannot confirm anything; the reason tells the owner what to do. */
export class VerificationLinkError extends DomainError {
	constructor(readonly problem: VerificationLinkProblem) {
		super(
			`The verification link is ${problem}`,
			'invalid',
			`office.verifyOffer.problem.${problem}`
		);
	}
}
