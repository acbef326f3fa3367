import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors/domain-error.js';
import {
	AccountValidationError,
	EmailTakenError,
	ForbiddenError,
	InvalidCredentialsError,
	InvalidLinkError,
	ThrottledError,
	TwoFactorError
} from '../accounts/accounts.errors.js';
import {
	ContactErasedError,
	ContactNotFoundError,
	ContactValidationError,
	PurposeNotFoundError
} from '../directory/contacts.errors.js';
import { ExchangeFileError } from '../exchange/exchange.errors.js';
import { VerificationLinkError } from '../freshness/freshness.errors.js';
import {
	FeedNotFoundError,
	MeetingNotFoundError,
	MeetingStateError,
	RsvpLinkError
} from '../meetings/meetings.errors.js';
import {
	MinutesBeforeMeetingError,
	MinutesReleasedError,
	MinutesValidationError,
	MinutesWithoutAttendanceError,
	TaskNotFoundError
} from '../minutes/minutes.errors.js';
import { NetworkNotFoundError, NetworkValidationError } from '../networks/networks.errors.js';
import {
	OfferNotFoundError,
	OfferValidationError,
	UnknownOrganisationError,
	WorkflowError
} from '../offers/offers.errors.js';
import {
	ContactPersonNotFoundError,
	OrganisationNotFoundError,
	OrganisationValidationError
} from '../organisations/organisations.errors.js';
import { PageNotFoundError, PageValidationError } from '../pages/pages.errors.js';
import { PlaceImportError } from '../places/places.errors.js';
import { rethrowAsHttpError } from './http-errors.js';

const issue = [{ path: 'name', message: 'Required', code: 'too_small' }];

/** What routes answer when a service throws these and the route rethrows (as before issue 9). */
const RETHROWN: [DomainError, number, string][] = [
	[new OfferNotFoundError(7), 404, 'offer.notFound'],
	[new OfferNotFoundError('some-slug'), 404, 'offer.notFound'],
	[new OrganisationNotFoundError(7), 404, 'office.organisations.notFound'],
	[new ContactPersonNotFoundError(7), 404, 'office.organisations.notFound'],
	[new ContactNotFoundError(7), 404, 'office.directory.notFound'],
	[new PurposeNotFoundError(7), 404, 'office.purposes.notFound'],
	[new TaskNotFoundError(7), 404, 'office.task.notFound'],
	[new MinutesReleasedError(7), 409, 'office.minutes.error.released'],
	[new MinutesValidationError({ text: 'office.minutes.error.tooLong' }), 400, 'error.badRequest'],
	[new ForbiddenError('edit', 'viewer'), 403, 'office.forbidden'],
	[new NetworkNotFoundError(7), 404, 'office.networks.notFound'],
	[new MeetingNotFoundError(7), 404, 'office.meetings.notFound'],
	[new FeedNotFoundError(), 404, 'error.notFound'],
	[new PageNotFoundError('kitz'), 404, 'error.notFound'],
	[new PageValidationError(issue), 400, 'error.badRequest'],
	[new MeetingStateError('cancelled'), 409, 'office.meetings.state.cancelled'],
	[new MeetingStateError('started'), 409, 'office.meetings.state.started'],
	[new MeetingStateError('not_invited'), 409, 'office.meetings.state.not_invited'],
	[new MeetingStateError('no_invitees'), 409, 'office.meetings.state.no_invitees'],
	[new MeetingStateError('mail_not_failed'), 409, 'office.meetings.state.mail_not_failed'],
	[new NetworkValidationError([{ path: 'name', code: 'required' }]), 400, 'error.badRequest'],
	[new ContactErasedError(7), 409, 'office.directory.notFound'],
	[new ContactValidationError(issue), 400, 'error.badRequest'],
	[new OfferValidationError(issue), 400, 'error.badRequest'],
	[new UnknownOrganisationError(7), 400, 'error.badRequest'],
	[new OrganisationValidationError(issue), 400, 'error.badRequest']
];

/**
 * Errors their routes answer themselves (a message on the form, a page state); the kind and key
 * say the same as those routes, and pin what the edge would answer should one ever propagate.
 */
const HANDLED_BY_ROUTES: [DomainError, number, string][] = [
	[new WorkflowError('wrong_state', 'draft'), 409, 'office.offer.error.wrong_state'],
	[new WorkflowError('comment_required'), 409, 'office.offer.error.comment_required'],
	[new WorkflowError('comment_too_long'), 409, 'office.offer.error.comment_too_long'],
	[new MinutesBeforeMeetingError(7, '2026-12-05T10:00'), 409, 'office.minutes.error.beforeMeeting'],
	[new MinutesWithoutAttendanceError(7), 409, 'office.minutes.error.withoutAttendance'],
	[new RsvpLinkError('unknown'), 400, 'office.rsvp.problem.unknown'],
	[new RsvpLinkError('cancelled'), 400, 'office.rsvp.problem.cancelled'],
	[new RsvpLinkError('closed'), 400, 'office.rsvp.problem.closed'],
	[new VerificationLinkError('unknown'), 400, 'office.verifyOffer.problem.unknown'],
	[new VerificationLinkError('used'), 400, 'office.verifyOffer.problem.used'],
	[new VerificationLinkError('expired'), 400, 'office.verifyOffer.problem.expired'],
	[new InvalidCredentialsError(), 400, 'office.login.invalid'],
	[new ThrottledError(90), 403, 'office.login.throttled'],
	[new AccountValidationError([{ path: 'password', message: 'short' }]), 400, 'error.badRequest'],
	[new EmailTakenError('a@example.org'), 409, 'office.invite.emailTaken'],
	[new TwoFactorError('wrong_code'), 400, 'office.twoFactor.wrongCode'],
	[new TwoFactorError('not_enrolled'), 400, 'office.twoFactor.wrongCode'],
	[new InvalidLinkError(), 400, 'office.password.invalidLink'],
	[new ExchangeFileError('tooLarge'), 400, 'office.import.fileProblem.tooLarge'],
	[new PlaceImportError(3, 'name is empty'), 400, 'error.badRequest']
];

function answerTo(failure: unknown) {
	try {
		rethrowAsHttpError(failure);
	} catch (thrown) {
		return thrown;
	}
}

describe('rethrowAsHttpError', () => {
	it.each(
		[...RETHROWN, ...HANDLED_BY_ROUTES].map(
			([failure, status, key]) => [failure.constructor.name, failure, status, key] as const
		)
	)('answers %s with %i and its message key', (_name, failure, status, key) => {
		expect(failure).toBeInstanceOf(DomainError);
		expect(failure).toBeInstanceOf(Error);
		const answer = answerTo(failure);
		expect(isHttpError(answer)).toBe(true);
		expect(answer).toMatchObject({ status, body: { message: key } });
	});

	it('lets anything that is not a domain error through unchanged (a 500)', () => {
		const failure = new Error('database gone');
		expect(answerTo(failure)).toBe(failure);
		expect(answerTo('text')).toBe('text');
	});

	it('keeps the wait and the file problem that routes show', () => {
		expect(new ThrottledError(90)).toMatchObject({ retryAfterMinutes: 2, params: { minutes: 2 } });
		expect(new ExchangeFileError('tooLarge', { max: 5 }).problem).toEqual({
			row: null,
			column: null,
			key: 'office.import.fileProblem.tooLarge',
			params: { max: 5 }
		});
	});
});
