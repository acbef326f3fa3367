import { Temporal } from 'temporal-polyfill';

/** ISO 8601 calendar weeks `YYYY-Www` of wall-clock days `YYYY-MM-DD`. */

/** The Monday of the week a day falls in. */
export function mondayOf(day: string): string {
	const date = Temporal.PlainDate.from(day);
	return date.subtract({ days: date.dayOfWeek - 1 }).toString();
}

/** The ISO week a day belongs to: 2027-01-01 is in 2026-W53. */
export function isoWeekOf(day: string): string {
	const date = Temporal.PlainDate.from(day);
	return `${date.yearOfWeek}-W${String(date.weekOfYear).padStart(2, '0')}`;
}

/** The Monday of an ISO week, or null for what is no week of the years 2000 to 2100. */
export function mondayOfIsoWeek(week: string): string | null {
	const match = /^(\d{4})-W(\d{2})$/.exec(week);
	if (!match) return null;
	const year = Number(match[1]);
	const number = Number(match[2]);
	if (year < 2000 || year > 2100 || number < 1 || number > 53) return null;
	// 4 January is always in week 1.
	const monday = Temporal.PlainDate.from(mondayOf(`${year}-01-04`)).add({ weeks: number - 1 });
	return isoWeekOf(monday.toString()) === week ? monday.toString() : null;
}
