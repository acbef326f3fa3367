import { Temporal } from 'temporal-polyfill';

/** The district's time zone: every wall-clock date and time in KITZ is in it. */
export const BERLIN = 'Europe/Berlin';

// The last minute asked for: every search asks for today, and the time-zone arithmetic costs
// more than a whole search at demo size.
let lastMinute = { epochMinute: NaN, wallClock: '' };

/** Wall-clock now in Europe/Berlin as `YYYY-MM-DDTHH:mm`. */
export function berlinNow(now: Date = new Date()): string {
	const epochMinute = Math.floor(now.getTime() / 60_000);
	if (epochMinute !== lastMinute.epochMinute) {
		const wallClock = Temporal.Instant.fromEpochMilliseconds(epochMinute * 60_000)
			.toZonedDateTimeISO(BERLIN)
			.toPlainDateTime()
			.toString({ smallestUnit: 'minute' });
		lastMinute = { epochMinute, wallClock };
	}
	return lastMinute.wallClock;
}

/** Today's date in Europe/Berlin as `YYYY-MM-DD`. */
export function berlinToday(now: Date = new Date()): string {
	return berlinNow(now).slice(0, 10);
}

/**
 * The instant of a Europe/Berlin wall-clock time `YYYY-MM-DDTHH:mm`. A time the clocks skip in
 * spring moves on by the hour skipped; a time that occurs twice in autumn is the later one.
 */
export function berlinInstant(localDateTime: string): Date {
	const zoned = Temporal.PlainDateTime.from(localDateTime).toZonedDateTime(BERLIN, {
		disambiguation: 'later'
	});
	return new Date(zoned.epochMilliseconds);
}
