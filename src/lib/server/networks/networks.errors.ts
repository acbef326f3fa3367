import { DomainError } from '../../shared/errors/domain-error.js';
import { ValidationError } from '../../shared/errors/validation-error.js';

/** Domain errors of networks and their input; routes turn them into messages. */
export class NetworkNotFoundError extends DomainError {
	constructor(readonly networkId: number) {
		super(`Network ${networkId} does not exist`, 'not_found', 'office.networks.notFound');
	}
}

/** A problem with an input: its path (`name`, `agenda.2.start`) and a short code. */
export interface NetworkIssue {
	path: string;
	code: string;
}

export class NetworkValidationError extends ValidationError<NetworkIssue> {
	constructor(issues: NetworkIssue[]) {
		super(
			issues,
			`Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.code}`).join('; ')}`
		);
	}
}
