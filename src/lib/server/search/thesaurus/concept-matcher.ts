import { germanCompounds, textLanguageOf } from '../../../shared/text/analysis/analyse.js';
import { stem, type TextLanguage } from '../../../shared/text/analysis/stem.js';
import { isStopword } from '../../../shared/text/analysis/stopwords.js';
import {
	isCyrillic,
	isLatin,
	latinOfCyrillic,
	soundSkeleton
} from '../../../shared/text/analysis/transliterate.js';
import { allowedMistakes, MistakeIndex } from '../../../shared/text/edit-distance.js';
import { fold } from '../../../shared/text/fold.js';
import type { SearchConcept } from './concept.js';

/** A word of the query with the keys it can be matched by. */
export interface QueryWord {
	/** As typed. */
	typed: string;
	/** Folded. */
	word: string;
}

/** A concept named in the query, and which of the query's words name it. */
export interface ConceptMention {
	concept: SearchConcept;
	/** Positions of the query words that name it. */
	covers: number[];
	/** Query words that name it only with a typing mistake, with the word they were taken for. */
	corrections: { position: number; spelling: string }[];
}

interface PhraseWord {
	folded: string;
	/** As the thesaurus writes it. */
	spelling: string;
	/** The Latin sound skeleton, for words in Latin or Cyrillic letters. */
	skeleton: string | null;
}

interface Phrase {
	concept: SearchConcept;
	words: PhraseWord[];
	order: number;
}

/** The words of a text, folded, each with the written word it comes from. */
export function writtenWords(text: string): { word: string; spelling: string }[] {
	return (text.match(/[\p{L}\p{M}\p{N}\u200c]+/gu) ?? []).flatMap((spelling) =>
		(fold(spelling).match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => ({ word, spelling }))
	);
}

const stemKey = (word: string, language: TextLanguage) => `${language}:${stem(word, language)}`;

function keysOf(word: string, languages: readonly TextLanguage[]): string[] {
	return [`=${word}`, ...languages.map((language) => stemKey(word, language))];
}

function skeletonOf(word: string): string | null {
	if (isLatin(word)) return soundSkeleton(word);
	if (isCyrillic(word)) return soundSkeleton(latinOfCyrillic(word));
	return null;
}

/**
 * Finds the thesaurus' concepts in a query: a phrase counts when each of its words is one of the
 * query's words, in any order — the same word, the same stem, a Latin spelling of it, or (failing
 * all of these) the word with a typing mistake.
 */
export class ConceptMatcher {
	private readonly byKey = new Map<string, Set<PhraseWord>>();
	/** Phrase words by their folded word and by their skeleton, for `near`. */
	private readonly byMistakes = {
		folded: new MistakeIndex<PhraseWord>(),
		skeleton: new MistakeIndex<PhraseWord>()
	};
	/** The phrase each phrase word belongs to (every word of every phrase is its own entry). */
	private readonly phraseOf = new Map<PhraseWord, Phrase>();
	/**
	 * Phrase words per language whose stems are not keys yet. Stemming every phrase of every
	 * language takes the better part of a second in a new process, and a query looks up stems only
	 * in its own languages, so a language's stems are keyed when a query first reads in it.
	 */
	private readonly unstemmed = new Map<TextLanguage, PhraseWord[]>();

	constructor(concepts: SearchConcept[]) {
		let order = 0;
		for (const concept of concepts) {
			for (const [script, list] of Object.entries(concept.phrases)) {
				const language: TextLanguage | null = script === 'latin' ? null : textLanguageOf(script);
				for (const phrase of list ?? []) {
					for (const variant of this.variants(phrase, language)) {
						const phraseWords = variant.map((word) => this.phraseWord(word, language));
						if (!phraseWords.length) continue;
						const entry = { concept, words: phraseWords, order: order++ };
						for (const word of phraseWords) this.phraseOf.set(word, entry);
					}
				}
			}
		}
	}

	/** The phrase's words, and for German compounds also their parts as separate words. */
	private variants(
		phrase: string,
		language: TextLanguage | null
	): { word: string; spelling: string }[][] {
		const phraseWords = writtenWords(phrase).filter(
			({ word }) => language === null || !isStopword(word, language)
		);
		if (language !== 'de') return [phraseWords];
		const split = phraseWords.flatMap((entry) => {
			const parts = germanCompounds.split(entry.word);
			return parts.length
				? parts.map((part) => ({ word: part, spelling: entry.spelling }))
				: [entry];
		});
		return split.length > phraseWords.length ? [phraseWords, split] : [phraseWords];
	}

	private phraseWord(
		{ word, spelling }: { word: string; spelling: string },
		language: TextLanguage | null
	): PhraseWord {
		const skeleton = skeletonOf(word);
		const entry = { folded: word, spelling, skeleton };
		this.byMistakes.folded.add(word, entry);
		if (skeleton) this.byMistakes.skeleton.add(skeleton, entry);
		this.key(`=${word}`, entry);
		if (skeleton) this.key(`~${skeleton}`, entry);
		if (language) {
			let waiting = this.unstemmed.get(language);
			if (!waiting) this.unstemmed.set(language, (waiting = []));
			waiting.push(entry);
		}
		return entry;
	}

	private key(key: string, entry: PhraseWord) {
		let set = this.byKey.get(key);
		if (!set) this.byKey.set(key, (set = new Set()));
		set.add(entry);
	}

	/** Keys the stems of the phrase words in these languages that are not keyed yet. */
	private stemPhrases(languages: readonly TextLanguage[]) {
		for (const language of languages) {
			for (const entry of this.unstemmed.get(language) ?? [])
				this.key(stemKey(entry.folded, language), entry);
			this.unstemmed.delete(language);
		}
	}

	/** The concepts the query names, longest phrases first, each query word used once. */
	match(query: QueryWord[], languages: readonly TextLanguage[]): ConceptMention[] {
		this.stemPhrases(languages);
		// For each query word: the phrase words it matches exactly, else those within mistakes.
		const exact = query.map((entry) => {
			const found = new Set<PhraseWord>();
			const keys = keysOf(entry.word, languages);
			const skeleton = skeletonOf(entry.word);
			if (skeleton) keys.push(`~${skeleton}`);
			for (const key of keys) for (const word of this.byKey.get(key) ?? []) found.add(word);
			return found;
		});
		const fuzzy = query.map((entry, position) =>
			exact[position]!.size ? new Set<PhraseWord>() : this.near(entry.word)
		);
		const candidates: {
			phrase: Phrase;
			covers: number[];
			corrections: ConceptMention['corrections'];
		}[] = [];
		// Only a phrase with a word the query names can match: a few, not the thousands there are.
		const named = new Set<Phrase>();
		for (const words of [...exact, ...fuzzy])
			for (const word of words) named.add(this.phraseOf.get(word)!);
		for (const phrase of named) {
			const covers: number[] = [];
			const corrections: ConceptMention['corrections'] = [];
			for (const phraseWord of phrase.words) {
				let at = query.findIndex(
					(_, position) => !covers.includes(position) && exact[position]!.has(phraseWord)
				);
				if (at === -1) {
					at = query.findIndex(
						(_, position) => !covers.includes(position) && fuzzy[position]!.has(phraseWord)
					);
					if (at !== -1) corrections.push({ position: at, spelling: phraseWord.spelling });
				}
				if (at === -1) break;
				covers.push(at);
			}
			if (covers.length === phrase.words.length) candidates.push({ phrase, covers, corrections });
		}
		candidates.sort(
			(a, b) =>
				b.covers.length - a.covers.length ||
				a.corrections.length - b.corrections.length ||
				a.phrase.order - b.phrase.order
		);
		const used = new Set<number>();
		const mentions: ConceptMention[] = [];
		for (const { phrase, covers, corrections } of candidates) {
			if (covers.some((position) => used.has(position))) continue;
			covers.forEach((position) => used.add(position));
			const same = mentions.find((mention) => mention.concept === phrase.concept);
			if (same) {
				same.covers.push(...covers);
				same.corrections.push(...corrections);
			} else mentions.push({ concept: phrase.concept, covers: [...covers], corrections });
		}
		for (const mention of mentions) mention.covers.sort((a, b) => a - b);
		return mentions.sort((a, b) => a.covers[0]! - b.covers[0]!);
	}

	/** Phrase words within the allowed typing mistakes of a word (or of its Latin skeleton). */
	private near(word: string): Set<PhraseWord> {
		const found = new Set<PhraseWord>();
		// A word too short for mistakes was looked up exactly already.
		const within = (words: MistakeIndex<PhraseWord>, text: string) => {
			const mistakes = allowedMistakes(text.length);
			if (mistakes) words.forEachWithin(text, mistakes, (entry) => found.add(entry));
		};
		within(this.byMistakes.folded, word);
		const skeleton = skeletonOf(word);
		if (skeleton) within(this.byMistakes.skeleton, skeleton);
		return found;
	}
}
