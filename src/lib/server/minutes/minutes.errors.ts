import type { MessageKey } from '../../i18n/messages.js';

/** Domain errors of minutes, decisions and tasks (issue 4); unknown meetings are networks.errors'. */

export class TaskNotFoundError extends Error {
	constructor(readonly taskId: number) {
		super(`Task ${taskId} does not exist`);
	}
}

/** Released minutes are what members were sent; they no longer change. */
export class MinutesReleasedError extends Error {
	constructor(readonly meetingId: number) {
		super(`The minutes of meeting ${meetingId} are released and can no longer change`);
	}
}

/** Every problem of a form at once: input name → catalogue key. */
export class MinutesValidationError extends Error {
	constructor(readonly issues: Record<string, MessageKey>) {
		super(
			`Invalid input: ${Object.entries(issues)
				.map(([input, key]) => `${input}: ${key}`)
				.join('; ')}`
		);
	}
}

/** Minutes record what happened: they are released once the meeting has begun (Europe/Berlin). */
export class MinutesBeforeMeetingError extends Error {
	constructor(
		readonly meetingId: number,
		readonly startsAt: string
	) {
		super(`The minutes of meeting ${meetingId} cannot be released before it starts (${startsAt})`);
	}
}

/** Releasing minutes that record nobody's attendance needs an explicit confirmation. */
export class MinutesWithoutAttendanceError extends Error {
	constructor(readonly meetingId: number) {
		super(`The minutes of meeting ${meetingId} record no attendance; release needs a confirmation`);
	}
}
