import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { Bitset } from './bitset.js';
import { positionsOf } from './offer-filter.js';
import { frequentSetsFile, type OfferIndex } from './offer-index.js';
import { readFrequentSets, writeFrequentSets } from './index-snapshot.js';
import { findTextMatches } from './search.repository.js';
import { searchWorkSignal } from './search-work.js';
import { logger } from '../../shared/log/logger.js';

/**
 * Listing tens of thousands of matches costs the full-text engine longer than a whole search may
 * take (FTS5 needs 8–15 ms for a word in 60,000 offers), so the sets of tokens that many offers
 * share are computed once per index version, in the background, and held as bitsets.
 */
export const EXPENSIVE_MATCHES = 5_000;
/** At most this many frequent sets (12.5 KB each at 100,000 offers). */
const MAX_FREQUENT = 1000;
/** Sets of rarer tokens kept from recent searches. */
const MAX_RECENT = 500;

/** The tokens of every field of the offers (descriptions too), as the full-text engine holds them. */
export interface FullTextTokens {
	/** Whether any offer has the token in some field. */
	has(token: string): boolean;

	/** The offers having the token in some field. */
	match(token: string): Promise<Bitset>;
	/** Resolves when the frequent sets are computed. */
	ready: Promise<void>;
}

const byIndex = new WeakMap<OfferIndex, FullTextTokens>();

/** The full-text tokens of this index version; the frequent sets come in the background. */
export function fullTextTokens(
	db: Kysely<DB>,
	index: OfferIndex,
	threshold = EXPENSIVE_MATCHES
): FullTextTokens {
	let tokens = byIndex.get(index);
	if (tokens) return tokens;
	const vocabulary = index.fullTextVocabulary;
	const frequent = new Map<string, Bitset>();
	const recent = new Map<string, Bitset>();
	const warm = async () => {
		if (index.size < threshold) return;
		// A restart with the same offers reads the sets the process before it computed.
		const file = frequentSetsFile(db, index);
		const saved = file ? await readFrequentSets(file, index, threshold) : null;
		if (saved) {
			saved.forEach((set, term) => frequent.set(term, set));
			return;
		}
		// forEach, not a spread of the entries: an array per term of a large vocabulary holds the loop.
		const common: [string, number][] = [];
		vocabulary.forEach((documents, term) => {
			if (documents >= threshold) common.push([term, documents]);
		});
		common.sort((a, b) => b[1] - a[1]).splice(MAX_FREQUENT);
		const stop = searchWorkSignal(db);
		for (const [term] of common) {
			stop.throwIfAborted();
			frequent.set(term, positionsOf(index, await findTextMatches(db, term, { common: true })));
		}
		if (file)
			await writeFrequentSets(file, index, threshold, frequent).catch((error: unknown) =>
				logger.warn({ err: error, file }, 'Writing the frequent search sets failed')
			);
	};
	// Searching still works without the frequent sets, only slower: report and go on.
	const ready = warm().catch((error: unknown) => {
		if (!searchWorkSignal(db).aborted)
			logger.error({ err: error }, 'Computing the frequent search sets failed');
	});
	tokens = {
		has: (token) =>
			vocabulary.has(token) || index.titleTokens.has(token) || index.summaryTokens.has(token),
		async match(token) {
			const known = frequent.get(token) ?? recent.get(token);
			if (known) return known;
			if (vocabulary.size && !vocabulary.has(token)) return new Bitset(index.size);
			const set = positionsOf(index, await findTextMatches(db, token));
			if (recent.size >= MAX_RECENT) recent.delete(recent.keys().next().value!);
			recent.set(token, set);
			return set;
		},
		ready
	};
	byIndex.set(index, tokens);
	return tokens;
}
