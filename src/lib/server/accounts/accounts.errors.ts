/** The same error for an unknown e-mail and a wrong password, so neither is revealed. */
export class InvalidCredentialsError extends Error {
	constructor() {
		super('E-mail or password is wrong');
	}
}

/** Too many attempts (log-in, second factor): refused, even when right, until the wait is over. */
export class ThrottledError extends Error {
	constructor(readonly retryAfterSeconds: number) {
		super(`Too many failed attempts; try again in ${retryAfterSeconds} s`);
	}

	/** The wait in whole minutes, rounded up, as the pages say it. */
	get retryAfterMinutes(): number {
		return Math.max(1, Math.ceil(this.retryAfterSeconds / 60));
	}
}

export class AccountValidationError extends Error {
	constructor(readonly issues: { path: string; message: string }[]) {
		super(
			`Account is invalid: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`
		);
	}
}

export class EmailTakenError extends Error {
	constructor(readonly email: string) {
		super(`An account with ${email} exists already`);
	}
}
