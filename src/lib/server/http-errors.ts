import { error } from '@sveltejs/kit';
import {
	OfferNotFoundError,
	OfferValidationError,
	UnknownOrganisationError
} from './offers/offers.errors.js';

/** The one place where domain errors become HTTP statuses and message keys; others propagate (500). */
export function rethrowAsHttpError(failure: unknown): never {
	if (failure instanceof OfferNotFoundError) error(404, 'offer.notFound');
	if (failure instanceof OfferValidationError || failure instanceof UnknownOrganisationError)
		error(400, 'error.badRequest');
	throw failure;
}
