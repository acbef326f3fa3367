import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { type ICalCalendar, type ICalCalendarMethod } from 'ical-generator';

/**
 * iCalendar files in the district's time zone, shared by offers (portal .ics) and meetings
 * (invitations, feeds). Events name Europe/Berlin themselves and the generator adds its
 * VTIMEZONE; there is no calendar-wide zone, because with one ical-generator writes DTSTAMP
 * without the Z that RFC 5545 requires.
 */
export const TIME_ZONE = 'Europe/Berlin';

export function berlinCalendar(options: {
	name: string;
	product: string;
	language: string;
	method: ICalCalendarMethod;
}): ICalCalendar {
	return ical({
		name: options.name,
		prodId: { company: 'KITZ', product: options.product, language: options.language.toUpperCase() },
		method: options.method,
		timezone: { name: null, generator: getVtimezoneComponent }
	});
}

/**
 * ical-generator writes a TZID time from a Date's local-time fields, so the wall-clock time is
 * built in the process's zone: 18:00 in Berlin is written as T180000 wherever the server runs.
 */
export function wallClock(localDateTime: string): Date {
	const [date = '', time = ''] = localDateTime.split('T');
	const [year, month, day] = date.split('-').map(Number);
	const [hour, minute] = time.split(':').map(Number);
	return new Date(year!, month! - 1, day, hour, minute);
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** RRULE BYDAY of a day's place in its month: `2TU` for the second Tuesday, `-1TU` for a fifth. */
export function nthWeekdayOf(day: string): string {
	const date = new Date(`${day.slice(0, 10)}T12:00:00Z`);
	const nth = Math.ceil(date.getUTCDate() / 7);
	return `${nth > 4 ? -1 : nth}${WEEKDAYS[date.getUTCDay()]}`;
}

/** RRULE BYDAY of a day's weekday: `TU`. */
export function weekdayOf(day: string): string {
	return WEEKDAYS[new Date(`${day.slice(0, 10)}T12:00:00Z`).getUTCDay()]!;
}
