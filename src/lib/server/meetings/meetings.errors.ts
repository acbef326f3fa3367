import { DomainError } from '../../shared/errors/domain-error.js';

/** Domain errors of meetings, invitations, RSVP links and calendar feeds. */
export class MeetingNotFoundError extends DomainError {
	constructor(readonly meetingId: number) {
		super(`Meeting ${meetingId} does not exist`, 'not_found', 'office.meetings.notFound');
	}
}

/** A step that the meeting's state does not allow, e.g. inviting to a cancelled meeting. */
export class MeetingStateError extends DomainError {
	constructor(
		readonly code: 'cancelled' | 'started' | 'not_invited' | 'no_invitees' | 'mail_not_failed'
	) {
		super(`Meeting step refused: ${code}`, 'conflict', `office.meetings.state.${code}`);
	}
}

/** An RSVP link that cannot be used: unknown (or replaced by a newer mail), cancelled, closed. */
export class RsvpLinkError extends DomainError {
	constructor(readonly problem: 'unknown' | 'cancelled' | 'closed') {
		super(`RSVP link refused: ${problem}`, 'invalid', `office.rsvp.problem.${problem}`);
	}
}

export class FeedNotFoundError extends DomainError {
	constructor() {
		super('Calendar feed unknown or revoked', 'not_found', 'error.notFound');
	}
}
