import { error } from '@sveltejs/kit';
import { ForbiddenError } from '../accounts/authorization.js';
import {
	OfferNotFoundError,
	OfferValidationError,
	UnknownOrganisationError
} from '../offers/offers.errors.js';
import {
	ContactPersonNotFoundError,
	OrganisationNotFoundError,
	OrganisationValidationError
} from '../organisations/organisations.errors.js';
import {
	ContactErasedError,
	ContactNotFoundError,
	ContactValidationError,
	PurposeNotFoundError
} from '../directory/contacts.errors.js';
import {
	MinutesReleasedError,
	MinutesValidationError,
	TaskNotFoundError
} from '../minutes/minutes.errors.js';
import { NetworkNotFoundError, NetworkValidationError } from '../networks/networks.errors.js';
import {
	FeedNotFoundError,
	MeetingNotFoundError,
	MeetingStateError
} from '../meetings/meetings.errors.js';
import { PageNotFoundError, PageValidationError } from '../pages/pages.errors.js';

/** The one place where domain errors become HTTP statuses and message keys; others propagate (500). */
export function rethrowAsHttpError(failure: unknown): never {
	if (failure instanceof OfferNotFoundError) error(404, 'offer.notFound');
	if (failure instanceof OrganisationNotFoundError || failure instanceof ContactPersonNotFoundError)
		error(404, 'office.organisations.notFound');
	if (failure instanceof ContactNotFoundError) error(404, 'office.directory.notFound');
	if (failure instanceof PurposeNotFoundError) error(404, 'office.purposes.notFound');
	if (failure instanceof TaskNotFoundError) error(404, 'office.task.notFound');
	if (failure instanceof MinutesReleasedError) error(409, 'office.minutes.error.released');
	if (failure instanceof MinutesValidationError) error(400, 'error.badRequest');
	if (failure instanceof ForbiddenError) error(403, 'office.forbidden');
	if (failure instanceof NetworkNotFoundError) error(404, 'office.networks.notFound');
	if (failure instanceof MeetingNotFoundError) error(404, 'office.meetings.notFound');
	if (failure instanceof FeedNotFoundError || failure instanceof PageNotFoundError)
		error(404, 'error.notFound');
	if (failure instanceof PageValidationError) error(400, 'error.badRequest');
	if (failure instanceof MeetingStateError) error(409, `office.meetings.state.${failure.code}`);
	if (failure instanceof NetworkValidationError) error(400, 'error.badRequest');
	if (failure instanceof ContactErasedError) error(409, 'office.directory.notFound');
	if (failure instanceof ContactValidationError) error(400, 'error.badRequest');
	if (
		failure instanceof OfferValidationError ||
		failure instanceof UnknownOrganisationError ||
		failure instanceof OrganisationValidationError
	)
		error(400, 'error.badRequest');
	throw failure;
}
