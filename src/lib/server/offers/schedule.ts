import rrule from 'rrule';
import type { ScheduleEntry } from './offers.schema.js';

// rrule ships UMD for Node; its named exports are on the default export.
const { RRule } = rrule;

export interface Occurrence {
	startsAt: string;
	endsAt: string | null;
}

/**
 * Wall-clock times in Europe/Berlin are kept as `YYYY-MM-DDTHH:mm` and expanded as floating UTC
 * dates, so daylight-saving changes never move a 18:00 meeting to 17:00.
 */
function toFloating(localDateTime: string): Date {
	return new Date(`${localDateTime}:00Z`);
}

function fromFloating(date: Date): string {
	return date.toISOString().slice(0, 16);
}

export class InvalidRecurrenceError extends Error {
	constructor(readonly rule: string) {
		super(`"${rule}" is not a valid RFC 5545 recurrence rule`);
	}
}

/** Parses an RRULE value (without DTSTART); throws InvalidRecurrenceError when it is not one. */
export function parseRecurrence(rule: string, startsAt: string) {
	const body = rule.replace(/^RRULE:/i, '').trim();
	if (!/^[A-Z0-9=;,+-]+$/i.test(body) || !/FREQ=/i.test(body) || /DTSTART/i.test(body)) {
		throw new InvalidRecurrenceError(rule);
	}
	try {
		const options = RRule.parseString(body);
		return new RRule({ ...options, dtstart: toFloating(startsAt) });
	} catch {
		throw new InvalidRecurrenceError(rule);
	}
}

/**
 * The first real occurrence of an entry: its own start, or for a series the rule's first date on
 * or after it. An iCalendar DTSTART must be this date, because RFC 5545 counts DTSTART as an
 * occurrence even where the rule excludes its day (rrule.js does not). Null if the rule never
 * occurs.
 */
export function firstOccurrence(entry: ScheduleEntry): Occurrence | null {
	if (!entry.rrule) return { startsAt: entry.startsAt, endsAt: entry.endsAt ?? null };
	const start = toFloating(entry.startsAt);
	const first = parseRecurrence(entry.rrule, entry.startsAt).after(start, true);
	if (!first) return null;
	const durationMs = entry.endsAt ? toFloating(entry.endsAt).getTime() - start.getTime() : null;
	return {
		startsAt: fromFloating(first),
		endsAt: durationMs === null ? null : fromFloating(new Date(first.getTime() + durationMs))
	};
}

const MAX_OCCURRENCES_PER_ENTRY = 1000;

/** Every occurrence of the schedule that starts within [from, to), in start order. */
export function expandSchedule(entries: ScheduleEntry[], from: string, to: string): Occurrence[] {
	const windowStart = toFloating(from);
	const windowEnd = toFloating(to);
	const occurrences: Occurrence[] = [];
	for (const entry of entries) {
		const start = toFloating(entry.startsAt);
		const durationMs = entry.endsAt ? toFloating(entry.endsAt).getTime() - start.getTime() : null;
		const starts = entry.rrule
			? parseRecurrence(entry.rrule, entry.startsAt)
					.between(windowStart, new Date(windowEnd.getTime() - 1), true)
					.slice(0, MAX_OCCURRENCES_PER_ENTRY)
			: start >= windowStart && start < windowEnd
				? [start]
				: [];
		for (const occurrenceStart of starts) {
			occurrences.push({
				startsAt: fromFloating(occurrenceStart),
				endsAt:
					durationMs === null
						? null
						: fromFloating(new Date(occurrenceStart.getTime() + durationMs))
			});
		}
	}
	return occurrences.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
