import { parseRecurrence } from '../../shared/time/recurrence.js';
import { addMinutes, minutesBetween } from '../../shared/time/wall-clock.js';
import type { ScheduleEntry } from './offers.schema.js';

export interface Occurrence {
	startsAt: string;
	endsAt: string | null;
}

/** The entry's occurrences at these starts, each lasting as long as the entry does. */
function occurrencesAt(entry: ScheduleEntry, starts: string[]): Occurrence[] {
	const minutes = entry.endsAt ? minutesBetween(entry.startsAt, entry.endsAt) : null;
	return starts.map((startsAt) => ({
		startsAt,
		endsAt: minutes === null ? null : addMinutes(startsAt, minutes)
	}));
}

/**
 * The first real occurrence of an entry: its own start, or for a series the rule's first date on
 * or after it. An iCalendar DTSTART must be this date, because RFC 5545 counts DTSTART as an
 * occurrence even where the rule excludes its day (rrule.js does not). Null if the rule never
 * occurs.
 */
export function firstOccurrence(entry: ScheduleEntry): Occurrence | null {
	if (!entry.rrule) return { startsAt: entry.startsAt, endsAt: entry.endsAt ?? null };
	const first = parseRecurrence(entry.rrule, entry.startsAt).first();
	return first === null ? null : occurrencesAt(entry, [first])[0]!;
}

const MAX_OCCURRENCES_PER_ENTRY = 1000;

/** Every occurrence of the schedule that starts within [from, to), in start order. */
export function expandSchedule(entries: ScheduleEntry[], from: string, to: string): Occurrence[] {
	const occurrences: Occurrence[] = [];
	for (const entry of entries) {
		const starts = entry.rrule
			? parseRecurrence(entry.rrule, entry.startsAt).between(from, to, MAX_OCCURRENCES_PER_ENTRY)
			: entry.startsAt >= from && entry.startsAt < to
				? [entry.startsAt]
				: [];
		occurrences.push(...occurrencesAt(entry, starts));
	}
	return occurrences.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
