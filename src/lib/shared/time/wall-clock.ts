import { Temporal } from 'temporal-polyfill';

/**
 * Wall-clock dates `YYYY-MM-DD` and times `YYYY-MM-DDTHH:mm` as KITZ stores them: plain
 * calendar values without a zone, so arithmetic never meets a daylight-saving change.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const toMinute = (value: Temporal.PlainDateTime) => value.toString({ smallestUnit: 'minute' });

/** A `YYYY-MM-DD` that names a real day (no 30 February). */
export function isCalendarDay(value: string): boolean {
	if (!DAY.test(value)) return false;
	try {
		Temporal.PlainDate.from(value, { overflow: 'reject' });
		return true;
	} catch {
		return false;
	}
}

/** A `YYYY-MM-DDTHH:mm` on a real day at a real time of day (no 24:00). */
export function isWallClockTime(value: string): boolean {
	if (!DATE_TIME.test(value)) return false;
	try {
		Temporal.PlainDateTime.from(value, { overflow: 'reject' });
		return true;
	} catch {
		return false;
	}
}

/** A date or date-time moved by whole calendar days; it keeps its form and its time of day. */
export function addDays(value: string, days: number): string {
	return value.length === 10
		? Temporal.PlainDate.from(value).add({ days }).toString()
		: toMinute(Temporal.PlainDateTime.from(value).add({ days }));
}

/** Whole calendar days from the day of `from` to the day of `to` (either form). */
export function daysBetween(from: string, to: string): number {
	return Temporal.PlainDate.from(from.slice(0, 10)).until(to.slice(0, 10)).days;
}

/**
 * The `Date` whose UTC fields are the wall-clock value: the form an `Intl` formatter pinned to
 * UTC and rrule.js read wall-clock time in, since neither takes Temporal values. Pages format
 * many dates, so this bridge parses the fixed form directly instead of through the polyfill.
 */
export function asUtcFields(value: string): Date {
	return new Date(`${value.length === 10 ? `${value}T00:00` : value}:00Z`);
}

/** The wall-clock `YYYY-MM-DDTHH:mm` held in a `Date`'s UTC fields; the inverse of asUtcFields. */
export function fromUtcFields(date: Date): string {
	return date.toISOString().slice(0, 16);
}

/*
 * Minutes are counted on the UTC fields: a zone-free clock, so no DST change alters them, and
 * schedules expand hundreds of occurrences at once (through the polyfill, 6 times slower).
 */

/** A `YYYY-MM-DDTHH:mm` moved by minutes of wall-clock time. */
export function addMinutes(localDateTime: string, minutes: number): string {
	return fromUtcFields(new Date(asUtcFields(localDateTime).getTime() + minutes * 60_000));
}

/** Wall-clock minutes from one date-time to another: a duration that no DST change alters. */
export function minutesBetween(from: string, to: string): number {
	return (asUtcFields(to).getTime() - asUtcFields(from).getTime()) / 60_000;
}
