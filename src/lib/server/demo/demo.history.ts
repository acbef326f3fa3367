import { addMonths } from '../measures/progress.js';
import { berlinInstant, berlinToday } from '../../shared/time/berlin-clock.js';
import { addDays } from '../../shared/time/wall-clock.js';

/**
 * The demo's past, made deterministic: the same content seeded on the same day gives the same
 * history, and every date is counted back from the seeding day, so the demo never goes stale.
 */

/** FNV-1a: a stable 32-bit hash of a key, the same on every machine and run. */
export function stableHash(key: string): number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < key.length; index++) {
		hash ^= key.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** Offers were entered over the last 30 months; the day an offer's key gives. */
const SPREAD_DAYS = 913;

export interface OfferPast {
	createdOn: string;
	/** The day it was taken off the portal, if it was. */
	archivedOn: string | null;
}

export function offerPast(key: string, today: string, archivedMonthsAgo?: number): OfferPast {
	const hash = stableHash(key);
	if (archivedMonthsAgo === undefined)
		return { createdOn: addDays(today, -(hash % SPREAD_DAYS)), archivedOn: null };
	// An archived offer ran for a while before: between seven and seventeen months.
	const archivedOn = addMonths(today, -archivedMonthsAgo);
	return { createdOn: addDays(archivedOn, -(210 + (hash % 300))), archivedOn };
}

/** The instant of a Berlin day at a time of day, for the `now` of a backdated step. */
export const instantOn = (day: string, time = '10:00'): Date => berlinInstant(`${day}T${time}`);

/** A day counted in months from the seeding day (negative: in the past). */
export const monthsFrom = (now: Date, months: number): string =>
	addMonths(berlinToday(now), months);
