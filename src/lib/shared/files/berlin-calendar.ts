import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { Temporal } from 'temporal-polyfill';
import ical, { type ICalCalendar, type ICalCalendarMethod } from 'ical-generator';
import { BERLIN } from '../time/berlin-clock.js';

/**
 * iCalendar files in the district's time zone, shared by offers (portal .ics) and meetings
 * (invitations, feeds). Events name Europe/Berlin themselves and the generator adds its
 * VTIMEZONE; there is no calendar-wide zone, because with one ical-generator writes DTSTAMP
 * without the Z that RFC 5545 requires.
 */
export const TIME_ZONE = BERLIN;

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
	const { year, month, day, hour, minute } = Temporal.PlainDateTime.from(localDateTime);
	return new Date(year, month - 1, day, hour, minute);
}
