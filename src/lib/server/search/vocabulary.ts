import { allowedMistakes, MistakeIndex } from '../../shared/text/edit-distance.js';
import type { FullTextTokens } from './full-text-tokens.js';
import type { OfferIndex } from './offer-index.js';
import type { Vocabulary } from './query-plan.js';

interface Entry {
	token: string;
	spelling: string;
	frequency: number;
}

const MAX_COMPLETIONS = 20;
const MIN_COMPLETED = 3;

const byIndex = new WeakMap<OfferIndex, { nearby: MistakeIndex<Entry>; sorted: string[] }>();

/** The words of titles and summaries, for corrections and in order, built once per index version. */
function titleAndSummaryWords(index: OfferIndex) {
	let words = byIndex.get(index);
	if (words) return words;
	const entries = new Map<string, Entry>();
	for (const tokens of [index.titleTokens, index.summaryTokens]) {
		for (const token of tokens.spelledTokens()) {
			const entry = entries.get(token);
			if (entry) entry.frequency += tokens.frequency(token);
			else
				entries.set(token, {
					token,
					spelling: tokens.spelling(token)!,
					frequency: tokens.frequency(token)
				});
		}
	}
	const nearby = new MistakeIndex<Entry>();
	for (const entry of entries.values()) nearby.add(entry.token, entry);
	words = { nearby, sorted: [...entries.keys()].sort() };
	byIndex.set(index, words);
	return words;
}

/** Builds the words corrections and completions choose from, before the first visitor needs them. */
export function prepareVocabulary(index: OfferIndex): void {
	titleAndSummaryWords(index);
}

/**
 * What query words are compared with: every token of the offers, and for corrections and
 * completions the words of titles and summaries (those a person can recognise when suggested).
 */
export function offerVocabulary(index: OfferIndex, fullText: FullTextTokens): Vocabulary {
	return {
		has: (token) => fullText.has(token),
		inTitles: (token) =>
			Math.max(index.titleTokens.frequency(token), index.summaryTokens.frequency(token)),
		closest(token) {
			const mistakes = allowedMistakes(token.length);
			if (!mistakes) return null;
			// Assigned in the callback, which the compiler's narrowing does not follow.
			let best = null as (Entry & { distance: number }) | null;
			titleAndSummaryWords(index).nearby.forEachWithin(token, mistakes, (entry, distance) => {
				if (
					!best ||
					distance < best.distance ||
					(distance === best.distance && entry.frequency > best.frequency)
				)
					best = { ...entry, distance };
			});
			return best && { token: best.token, spelling: best.spelling };
		},
		completions(prefix) {
			if (prefix.length < MIN_COMPLETED) return [];
			const { sorted } = titleAndSummaryWords(index);
			let low = 0;
			let high = sorted.length;
			while (low < high) {
				const middle = (low + high) >>> 1;
				if (sorted[middle]! < prefix) low = middle + 1;
				else high = middle;
			}
			const found: string[] = [];
			for (let at = low; at < sorted.length && sorted[at]!.startsWith(prefix); at++) {
				found.push(sorted[at]!);
				if (found.length >= MAX_COMPLETIONS) break;
			}
			return found;
		}
	};
}
