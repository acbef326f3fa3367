import { DomainError } from '../../shared/errors/domain-error.js';
import { ValidationError } from '../../shared/errors/validation-error.js';
import type { Action, Role } from './authorization.js';

/** The same error for an unknown e-mail and a wrong password, so neither is revealed. */
export class InvalidCredentialsError extends DomainError {
	constructor() {
		super('E-mail or password is wrong', 'invalid', 'office.login.invalid');
	}
}

/** Too many attempts (log-in, second factor): refused, even when right, until the wait is over. */
export class ThrottledError extends DomainError {
	constructor(readonly retryAfterSeconds: number) {
		super(
			`Too many failed attempts; try again in ${retryAfterSeconds} s`,
			'forbidden',
			'office.login.throttled',
			{ minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) }
		);
	}

	/** The wait in whole minutes, rounded up, as the pages say it. */
	get retryAfterMinutes(): number {
		return Math.max(1, Math.ceil(this.retryAfterSeconds / 60));
	}
}

export class AccountValidationError extends ValidationError<{ path: string; message: string }> {
	constructor(issues: { path: string; message: string }[]) {
		super(
			issues,
			`Account is invalid: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`
		);
	}
}

export class EmailTakenError extends DomainError {
	constructor(readonly email: string) {
		super(`An account with ${email} exists already`, 'conflict', 'office.invite.emailTaken');
	}
}

/** A role that may not take this action on this record (see authorization.ts). */
export class ForbiddenError extends DomainError {
	constructor(
		readonly action: Action,
		readonly role: Role
	) {
		super(
			`A ${role} may not ${action.replace('_', ' ')} this record`,
			'forbidden',
			'office.forbidden'
		);
	}
}

export class TwoFactorError extends DomainError {
	constructor(readonly reason: 'not_enrolled' | 'wrong_code') {
		super(
			reason === 'not_enrolled'
				? 'Two-factor log-in is not set up'
				: 'The code is wrong or was used already',
			'invalid',
			'office.twoFactor.wrongCode'
		);
	}
}

/** An invitation or password link that is unknown, used or expired. */
export class InvalidLinkError extends DomainError {
	constructor() {
		super('The link is unknown, used or expired', 'invalid', 'office.password.invalidLink');
	}
}
