/** Domain errors of meetings, invitations, RSVP links and calendar feeds. */
export class MeetingNotFoundError extends Error {
	constructor(readonly meetingId: number) {
		super(`Meeting ${meetingId} does not exist`);
	}
}

/** A step that the meeting's state does not allow, e.g. inviting to a cancelled meeting. */
export class MeetingStateError extends Error {
	constructor(
		readonly code: 'cancelled' | 'started' | 'not_invited' | 'no_invitees' | 'mail_not_failed'
	) {
		super(`Meeting step refused: ${code}`);
	}
}

/** An RSVP link that cannot be used: unknown (or replaced by a newer mail), cancelled, closed. */
export class RsvpLinkError extends Error {
	constructor(readonly problem: 'unknown' | 'cancelled' | 'closed') {
		super(`RSVP link refused: ${problem}`);
	}
}

export class FeedNotFoundError extends Error {
	constructor() {
		super('Calendar feed unknown or revoked');
	}
}
