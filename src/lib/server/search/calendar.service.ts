import type { Kysely } from 'kysely';
import type { Locale } from '../../i18n/locales.js';
import type { DB } from '../db/schema.js';
import { berlinNow, berlinToday } from '../../shared/time/berlin-clock.js';
import { addDays } from '../../shared/time/wall-clock.js';
import { isoWeekOf, mondayOf, mondayOfIsoWeek } from '../../shared/time/iso-week.js';
import type { Bitset } from './bitset.js';
import { filterSets, matching } from './offer-filter.js';
import type { OfferIndex } from './offer-index.js';
import { findOccurrences, type OccurrenceRow } from './search.repository.js';
import type { SearchFilters, SearchNotice } from './search.schema.js';
import { offerCards, resolveFilters, searchBasis, type OfferCard } from './search.service.js';

export interface CalendarEntry {
	startsAt: string;
	endsAt: string | null;
	offer: OfferCard;
}

export interface CalendarDay {
	date: string;
	entries: CalendarEntry[];
}

export interface CalendarWeek {
	/** ISO week as `YYYY-Www`. */
	week: string;
	monday: string;
	sunday: string;
	previous: string;
	next: string;
	days: CalendarDay[];
	notices: SearchNotice[];
	total: number;
}

const MAX_ENTRIES = 500;

/** Dates of offers from now on, soonest first, e.g. for the home page. */
export async function upcomingDates(
	db: Kysely<DB>,
	filters: SearchFilters,
	locale: Locale,
	options: { days: number; limit: number; now?: Date }
): Promise<CalendarEntry[]> {
	const now = options.now ?? new Date();
	const from = berlinNow(now);
	return matchingDates(
		db,
		filters,
		locale,
		[],
		now,
		{ from, to: addDays(from, options.days) },
		options.limit
	);
}

/** The dates of one ISO week, grouped by day (all seven days, empty ones too). */
export async function calendarWeek(
	db: Kysely<DB>,
	filters: SearchFilters,
	week: string | null,
	locale: Locale,
	now = new Date()
): Promise<CalendarWeek> {
	const notices: SearchNotice[] = [];
	let monday = week ? mondayOfIsoWeek(week) : null;
	if (week && !monday)
		notices.push({ key: 'calendar.notice.badWeek', params: { value: week.slice(0, 20) } });
	monday ??= mondayOf(berlinToday(now));
	const from = `${monday}T00:00`;
	const to = addDays(from, 7);
	const entries = await matchingDates(db, filters, locale, notices, now, { from, to }, MAX_ENTRIES);
	// Days already past carry no dates (occurrences start today), so they are left out.
	const today = berlinToday(now);
	const days: CalendarDay[] = Array.from({ length: 7 }, (_, index) => addDays(monday, index))
		.filter((date) => date >= today)
		.map((date) => ({ date, entries: entries.filter((entry) => entry.startsAt.startsWith(date)) }));
	return {
		week: isoWeekOf(monday),
		monday,
		sunday: addDays(monday, 6),
		previous: isoWeekOf(addDays(monday, -7)),
		next: isoWeekOf(addDays(monday, 7)),
		days,
		notices,
		total: entries.length
	};
}

/** Dates read at a time: the first batch mostly suffices; rare filters read on in larger ones. */
const FIRST_BATCH = 200;
const LARGEST_BATCH = 10_000;

/** The first `limit` dates within [from, to) of the offers that pass the filters, with their cards. */
async function matchingDates(
	db: Kysely<DB>,
	filters: SearchFilters,
	locale: Locale,
	notices: SearchNotice[],
	now: Date,
	range: { from: string; to: string },
	limit: number
): Promise<CalendarEntry[]> {
	const basis = await searchBasis(db);
	const { resolved } = await resolveFilters(db, basis, filters, locale, notices, now);
	const matches = matching(filterSets(basis.index, resolved));
	const rows = await matchingOccurrences(db, basis.index, matches, range, limit);
	const cards = new Map(
		(await offerCards(db, basis, [...new Set(rows.map((row) => row.offerId))], locale)).map(
			(card) => [card.id, card]
		)
	);
	return rows.flatMap((row) => {
		const offer = cards.get(row.offerId);
		return offer ? [{ startsAt: row.startsAt, endsAt: row.endsAt, offer }] : [];
	});
}

/**
 * The first `limit` dates within [from, to) of the matching offers, read in batches until enough
 * are found: a country's next fortnight holds hundreds of thousands of dates, the home page shows six.
 */
async function matchingOccurrences(
	db: Kysely<DB>,
	index: OfferIndex,
	matches: Bitset,
	{ from, to }: { from: string; to: string },
	limit: number
): Promise<OccurrenceRow[]> {
	const found: OccurrenceRow[] = [];
	let after: OccurrenceRow | null = null;
	for (let batch = FIRST_BATCH; ; batch = Math.min(batch * 4, LARGEST_BATCH)) {
		const rows = await findOccurrences(db, from, to, { after, limit: batch });
		for (const row of rows) {
			const position = index.positionOf(row.offerId);
			if (position === undefined || !matches.has(position)) continue;
			found.push(row);
			if (found.length >= limit) return found;
		}
		if (rows.length < batch) return found;
		after = rows.at(-1)!;
	}
}
