import rrule from 'rrule';
import { Temporal } from 'temporal-polyfill';
import { asUtcFields, fromUtcFields } from './wall-clock.js';

// rrule ships UMD for Node; its named exports are on the default export.
const { RRule } = rrule;

/**
 * RFC 5545 recurrence rules over wall-clock time in Europe/Berlin. rrule.js expands them as
 * "floating" dates whose UTC fields are the wall clock, so daylight-saving changes never move
 * an 18:00 meeting to 17:00; that form stays inside this file.
 */

export class InvalidRecurrenceError extends Error {
	constructor(readonly rule: string) {
		super(`"${rule}" is not a valid RFC 5545 recurrence rule`);
	}
}

/** A rule anchored at its wall-clock start `YYYY-MM-DDTHH:mm`. */
export interface Recurrence {
	/** The rule's first date on or after its start, or null if it never occurs. */
	first(): string | null;
	/** The starts within [from, to), at most `limit` of them, in order. */
	between(from: string, to: string, limit: number): string[];
}

/** Parses an RRULE value (without DTSTART); throws InvalidRecurrenceError when it is not one. */
export function parseRecurrence(rule: string, startsAt: string): Recurrence {
	const body = rule.replace(/^RRULE:/i, '').trim();
	if (!/^[A-Z0-9=;,+-]+$/i.test(body) || !/FREQ=/i.test(body) || /DTSTART/i.test(body)) {
		throw new InvalidRecurrenceError(rule);
	}
	let parsed: InstanceType<typeof RRule>;
	try {
		parsed = new RRule({ ...RRule.parseString(body), dtstart: asUtcFields(startsAt) });
	} catch {
		throw new InvalidRecurrenceError(rule);
	}
	return {
		first() {
			const first = parsed.after(asUtcFields(startsAt), true);
			return first ? fromUtcFields(first) : null;
		},
		between(from, to, limit) {
			const end = new Date(asUtcFields(to).getTime() - 1);
			return parsed.between(asUtcFields(from), end, true).slice(0, limit).map(fromUtcFields);
		}
	};
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** RRULE BYDAY of a day's weekday: `TU`. Takes `YYYY-MM-DD` or a date-time. */
export function weekdayOf(day: string): string {
	return WEEKDAYS[Temporal.PlainDate.from(day.slice(0, 10)).dayOfWeek - 1]!;
}

/** RRULE BYDAY of a day's place in its month: `2TU` for the second Tuesday, `-1TU` for a fifth. */
export function nthWeekdayOf(day: string): string {
	const nth = Math.ceil(Temporal.PlainDate.from(day.slice(0, 10)).day / 7);
	return `${nth > 4 ? -1 : nth}${weekdayOf(day)}`;
}
