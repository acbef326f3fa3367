/** The same error for an unknown e-mail and a wrong password, so neither is revealed. */
export class InvalidCredentialsError extends Error {
	constructor() {
		super('E-mail or password is wrong');
	}
}

export class LoginThrottledError extends Error {
	constructor(readonly retryAfterSeconds: number) {
		super(`Too many failed log-ins; try again in ${retryAfterSeconds} s`);
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
