import { error } from '@sveltejs/kit';
import { DomainError, type DomainErrorKind } from '../../shared/errors/domain-error.js';

/** The HTTP status of each kind of domain error. */
export const STATUS_OF_KIND = {
	not_found: 404,
	forbidden: 403,
	conflict: 409,
	invalid: 400
} as const satisfies Record<DomainErrorKind, number>;

/** The one place where domain errors become HTTP statuses and message keys; others propagate (500). */
export function rethrowAsHttpError(failure: unknown): never {
	if (failure instanceof DomainError) error(STATUS_OF_KIND[failure.kind], failure.messageKey);
	throw failure;
}
