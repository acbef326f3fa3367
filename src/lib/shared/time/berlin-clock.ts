import { Temporal } from 'temporal-polyfill';

/** The district's time zone: every wall-clock date and time in KITZ is in it. */
export const BERLIN = 'Europe/Berlin';

/** Wall-clock now in Europe/Berlin as `YYYY-MM-DDTHH:mm`. */
export function berlinNow(now: Date = new Date()): string {
	return Temporal.Instant.fromEpochMilliseconds(now.getTime())
		.toZonedDateTimeISO(BERLIN)
		.toPlainDateTime()
		.toString({ smallestUnit: 'minute' });
}

/** A wall-clock `YYYY-MM-DDTHH:mm` moved by whole calendar days (the time of day stays). */
export function addDays(localDateTime: string, days: number): string {
	return Temporal.PlainDateTime.from(localDateTime)
		.add({ days })
		.toString({ smallestUnit: 'minute' });
}
