/** The `Termine` column of the import template: dates with start and end, several per cell. */

import { formatDate, parseDateTime, parseTime } from '../../shared/files/cell-values.js';

export interface DateEntry {
	startsAt: string;
	endsAt?: string;
}

/**
 * One date of the `Termine` column: `02.06.2026 18:00`, optionally with an end time
 * (`-19:30`, `– 19:30 Uhr`) or an end date and time (`- 03.06.2026 10:00`).
 */
export function parseDateEntry(text: string): DateEntry | undefined {
	const range = /^(.+?\d{1,2}[:.]\d{2}(?:\s*Uhr)?)\s*(?:-|–|—|bis)\s*(.+)$/i.exec(text.trim());
	const [start, end] = range ? [range[1]!, range[2]!] : [text, undefined];
	const startsAt = parseDateTime(start);
	if (!startsAt) return undefined;
	if (end === undefined) return { startsAt };
	const endTime = parseTime(end);
	const endsAt = endTime ? `${startsAt.slice(0, 10)}T${endTime}` : parseDateTime(end);
	return endsAt ? { startsAt, endsAt } : undefined;
}

/** Splits the `Termine` column into its dates (comma, semicolon or line break between them). */
export function splitDates(text: string): string[] {
	return text
		.split(/[,;\n]/)
		.map((part) => part.trim())
		.filter(Boolean);
}

/** `02.06.2026 18:00-19:30`; an end on another day is written in full. */
export function formatDateEntry(entry: { startsAt: string; endsAt?: string | null }): string {
	const start = `${formatDate(entry.startsAt.slice(0, 10))} ${entry.startsAt.slice(11, 16)}`;
	if (!entry.endsAt) return start;
	const sameDay = entry.endsAt.slice(0, 10) === entry.startsAt.slice(0, 10);
	const end = sameDay
		? entry.endsAt.slice(11, 16)
		: `${formatDate(entry.endsAt.slice(0, 10))} ${entry.endsAt.slice(11, 16)}`;
	return `${start}-${end}`;
}
