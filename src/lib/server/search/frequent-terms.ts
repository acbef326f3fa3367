import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Bitset } from './bitset.js';
import { positionsOf } from './offer-filter.js';
import type { OfferIndex } from './offer-index.js';
import { findDocumentFrequencies, findTextMatches } from './search.repository.js';

/**
 * Listing tens of thousands of matches costs the full-text engine longer than a whole search may
 * take (FTS5 needs 8–15 ms for a word in 60,000 offers), so the match sets of prefixes that many
 * offers share are computed once per index version, in the background, and held as bitsets.
 * Below this many estimated matches the engine answers fast enough on its own.
 */
export const EXPENSIVE_MATCHES = 5_000;
/** At most this many sets (12.5 KB each at 100,000 offers). */
const MAX_SETS = 400;

export interface FrequentTerms {
	/** The offers containing the term as a word prefix, once warmed; otherwise undefined. */
	get(term: string): Bitset | undefined;
	/** Resolves when every set of this index version is computed. */
	ready: Promise<void>;
}

const byIndex = new WeakMap<OfferIndex, FrequentTerms>();

/** The frequent-term sets of this index version, warming them on first use. */
export function frequentTerms(
	db: Kysely<DB>,
	index: OfferIndex,
	threshold = EXPENSIVE_MATCHES
): FrequentTerms {
	let terms = byIndex.get(index);
	if (!terms) {
		const sets = new Map<string, Bitset>();
		const ready = warm(db, index, threshold, sets).catch((error: unknown) => {
			// Searching still works without the sets, only slower: report and go on.
			console.error('Warming the frequent search terms failed:', error);
		});
		byIndex.set(index, (terms = { get: (term) => sets.get(term), ready }));
	}
	return terms;
}

async function warm(
	db: Kysely<DB>,
	index: OfferIndex,
	threshold: number,
	sets: Map<string, Bitset>
): Promise<void> {
	if (index.size < threshold) return;
	for (const prefix of expensivePrefixes(await findDocumentFrequencies(db), threshold)) {
		sets.set(prefix, positionsOf(index, await findTextMatches(db, [prefix])));
	}
}

/**
 * Prefixes whose words together occur in at least `threshold` offers, most frequent first. The
 * sum over words overcounts offers holding several of them, which only errs towards warming.
 */
export function expensivePrefixes(
	frequencies: { term: string; documents: number }[],
	threshold: number
): string[] {
	const estimates = new Map<string, number>();
	for (const { term, documents } of frequencies)
		for (let length = 1; length <= term.length; length++) {
			const prefix = term.slice(0, length);
			estimates.set(prefix, (estimates.get(prefix) ?? 0) + documents);
		}
	return [...estimates]
		.filter(([, estimate]) => estimate >= threshold)
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
		.slice(0, MAX_SETS)
		.map(([prefix]) => prefix);
}
