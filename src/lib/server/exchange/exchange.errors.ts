import { DomainError } from '../../shared/errors/domain-error.js';
import { fileProblem, type ExchangeProblem, type FileProblemKey } from './problems.js';

/** A problem with the file as a whole (format, size, header); nothing row by row follows. */
export class ExchangeFileError extends DomainError {
	readonly problem: ExchangeProblem;
	constructor(key: FileProblemKey, params?: Record<string, string | number>) {
		const problem = fileProblem(key, params);
		super(`Import file rejected: ${key}`, 'invalid', problem.key, params);
		this.problem = problem;
	}
}
