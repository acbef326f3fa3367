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
const MAX_SETS = 1000;

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
	for (const { prefixes } of expensivePrefixes(await findDocumentFrequencies(db), threshold)) {
		// Every prefix of a group matches the same words, so one query serves them all.
		const members = positionsOf(index, await findTextMatches(db, [prefixes[0]!]));
		for (const prefix of prefixes) sets.set(prefix, members);
	}
}

export interface PrefixGroup {
	/** Prefixes that cover exactly the same indexed words ("anerk", "anerke", …), shortest first. */
	prefixes: string[];
	/** Offers estimated to match: the sum over the words, which overcounts offers holding several. */
	estimate: number;
}

/**
 * Groups of prefixes whose words together occur in at least `threshold` offers, most frequent
 * first. Prefixes covering the same words share a group, so a word family costs one set.
 */
export function expensivePrefixes(
	frequencies: { term: string; documents: number }[],
	threshold: number
): PrefixGroup[] {
	const terms = [...frequencies].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
	// Words sharing a prefix are a contiguous run of the sorted list: the run names the group.
	const runs = new Map<string, { first: number; last: number; estimate: number }>();
	terms.forEach(({ term, documents }, position) => {
		for (let length = 1; length <= term.length; length++) {
			const prefix = term.slice(0, length);
			const run = runs.get(prefix);
			if (run) {
				run.last = position;
				run.estimate += documents;
			} else runs.set(prefix, { first: position, last: position, estimate: documents });
		}
	});
	const groups = new Map<string, PrefixGroup>();
	for (const [prefix, { first, last, estimate }] of runs) {
		if (estimate < threshold) continue;
		const key = `${first}:${last}`;
		const group = groups.get(key);
		if (group) group.prefixes.push(prefix);
		else groups.set(key, { prefixes: [prefix], estimate });
	}
	return [...groups.values()]
		.map((group) => ({ ...group, prefixes: group.prefixes.sort((a, b) => a.length - b.length) }))
		.sort((a, b) => b.estimate - a.estimate || (a.prefixes[0]! < b.prefixes[0]! ? -1 : 1))
		.slice(0, MAX_SETS);
}
