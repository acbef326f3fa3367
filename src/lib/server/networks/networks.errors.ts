/** Domain errors of networks and their input; routes turn them into messages. */
export class NetworkNotFoundError extends Error {
	constructor(readonly networkId: number) {
		super(`Network ${networkId} does not exist`);
	}
}

/** A problem with an input: its path (`name`, `agenda.2.start`) and a short code. */
export interface NetworkIssue {
	path: string;
	code: string;
}

export class NetworkValidationError extends Error {
	constructor(readonly issues: NetworkIssue[]) {
		super(`Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.code}`).join('; ')}`);
	}
}
