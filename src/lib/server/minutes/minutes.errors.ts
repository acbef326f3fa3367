import { DomainError } from '../../shared/errors/domain-error.js';
import type { MessageKey } from '../../i18n/messages.js';

/** Domain errors of minutes, decisions and tasks (issue 4); unknown meetings are networks.errors'. */

export class TaskNotFoundError extends DomainError {
	constructor(readonly taskId: number) {
		super(`Task ${taskId} does not exist`, 'not_found', 'office.task.notFound');
	}
}

/** Released minutes are what members were sent; they no longer change. */
export class MinutesReleasedError extends DomainError {
	constructor(readonly meetingId: number) {
		super(
			`The minutes of meeting ${meetingId} are released and can no longer change`,
			'conflict',
			'office.minutes.error.released'
		);
	}
}

/** Every problem of a form at once: input name → catalogue key. */
export class MinutesValidationError extends DomainError {
	constructor(readonly issues: Record<string, MessageKey>) {
		super(
			`Invalid input: ${Object.entries(issues)
				.map(([input, key]) => `${input}: ${key}`)
				.join('; ')}`,
			'invalid',
			'error.badRequest'
		);
	}
}

/** Minutes record what happened: they are released once the meeting has begun (Europe/Berlin). */
export class MinutesBeforeMeetingError extends DomainError {
	constructor(
		readonly meetingId: number,
		readonly startsAt: string
	) {
		super(
			`The minutes of meeting ${meetingId} cannot be released before it starts (${startsAt})`,
			'conflict',
			'office.minutes.error.beforeMeeting'
		);
	}
}

/** Releasing minutes that record nobody's attendance needs an explicit confirmation. */
export class MinutesWithoutAttendanceError extends DomainError {
	constructor(readonly meetingId: number) {
		super(
			`The minutes of meeting ${meetingId} record no attendance; release needs a confirmation`,
			'conflict',
			'office.minutes.error.withoutAttendance'
		);
	}
}
