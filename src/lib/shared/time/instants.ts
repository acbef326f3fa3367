import { Temporal } from 'temporal-polyfill';

/** Instants (audit and verification timestamps, stored as ISO UTC) counted on the UTC calendar. */

const inUtc = (instant: Date) =>
	Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO('UTC');

/** The same instant `months` calendar months later (earlier when negative), clamped to the month's end. */
export function addMonths(instant: Date, months: number): Date {
	return new Date(inUtc(instant).add({ months }).epochMilliseconds);
}

/** The UTC calendar day `YYYY-MM-DD` of an instant. */
export function utcDay(instant: Date): string {
	return inUtc(instant).toPlainDate().toString();
}
