import type { Locale } from '../../i18n/locales.js';
import { compoundPartStems, textLanguageOf } from '../../shared/text/analysis/analyse.js';
import { stem, type TextLanguage } from '../../shared/text/analysis/stem.js';
import { isHelpWord, isQueryWrapper, isStopword } from '../../shared/text/analysis/stopwords.js';
import { isCyrillic, latinOfCyrillic } from '../../shared/text/analysis/transliterate.js';
import { fold } from '../../shared/text/fold.js';
import { closestPlace, foldedName, largestPlace, type Place } from '../places/places.service.js';
import { offerKindOf, type OfferKind } from './offer-kind-words.js';
import type { SearchConcept } from './thesaurus/concept.js';
import { writtenWords, type ConceptMatcher, type QueryWord } from './thesaurus/concept-matcher.js';
import type { QueryUnderstanding, UnderstoodPart } from './understanding.js';

/** Tokens that must all occur in an offer (a word's stem, or all parts of a compound). */
export type TokenSet = string[];

/** One need of the query; an offer must meet every group of a query to match it. */
export interface MatchGroup {
	/** Ways of meeting the group in text: any one set of tokens, all of whose tokens occur. */
	alternatives: TokenSet[];
	/**
	 * A concept's words as typed: an offer's translation may use them ("лікар" in a Ukrainian
	 * summary), but as common words they are weaker evidence than the concept's terms.
	 */
	typedWords: TokenSet[];
	/** The thesaurus concept the group stands for, whose facets also meet it. */
	concept: SearchConcept | null;
	/** The word as shown when it has to be left out. */
	shown: string;
}

export interface QueryPlan {
	groups: MatchGroup[];
	/**
	 * Words that ask for help beside a need ("Hilfe bei der Wohnung"): each word's alternatives.
	 * They narrow nothing; offers naming them rank first among the need's matches.
	 */
	preferred: TokenSet[][];
	/** A place the query names ("Deutschkurs Flensburg"): the search narrows to or lifts offers near it. */
	place: Place | null;
	/** Kinds of offer the words ask for ("kostenlos", "online"): they filter like the form's boxes. */
	offerKinds: OfferKind[];
	understanding: QueryUnderstanding;
}

/** What the words of a query are compared with: the offers' tokens and how they are written. */
export interface Vocabulary {
	has(token: string): boolean;
	/** In how many offers' titles (or summaries) the token stands. */
	inTitles(token: string): number;
	/** The closest token written in offers' titles or summaries, within the mistakes allowed. */
	closest(token: string): { token: string; spelling: string } | null;
	/** Tokens of titles and summaries that begin with what was typed (an unfinished word). */
	completions(prefix: string): string[];
}

export interface PlanContext {
	matcher: ConceptMatcher;
	/** Each concept's terms as token alternatives. */
	conceptTerms: (concept: SearchConcept) => TokenSet[];
	vocabulary: Vocabulary;
	places: Place[];
}

const MAX_WORDS = 12;

/** The languages a query typed on a portal page is read in: the page's, German and English. */
export function queryLanguages(locale: Locale): TextLanguage[] {
	return [...new Set<TextLanguage>([textLanguageOf(locale), 'de', 'en'])];
}

/**
 * A word list read in the page's language and in German, which people mix in on every page;
 * not in English elsewhere: "is" is Turkish "iş" (work) once folded.
 */
const onPageOrInGerman =
	(isIn: (word: string, language: string) => boolean) => (word: string, locale: Locale) =>
		isIn(word, textLanguageOf(locale)) || isIn(word, 'de');

const carriesNoMeaning = onPageOrInGerman(isStopword);
const wrapsANeed = onPageOrInGerman(isQueryWrapper);
const asksForHelp = onPageOrInGerman(isHelpWord);

/** How offers speak of the help they give ("Beratung", "Unterstützung"), besides the word typed. */
const HELP_IN_OFFERS: TokenSet[] = ['Hilfe', 'Beratung', 'Unterstützung'].map(
	(word) => wordAlternatives(fold(word), ['de'])[0]!
);

/** The alternatives for a word as typed: its stems in the query's languages, a compound's parts. */
export function wordAlternatives(word: string, languages: TextLanguage[]): TokenSet[] {
	const alternatives: TokenSet[] = [[stem(word, 'de')]];
	const parts = compoundPartStems(word);
	if (parts.length) alternatives.push(parts);
	for (const language of languages) {
		if (language !== 'de') alternatives.push([stem(word, language)]);
	}
	return dedupe(alternatives);
}

function dedupe(alternatives: TokenSet[]): TokenSet[] {
	const seen = new Set<string>();
	return alternatives.filter((tokens) => {
		const key = tokens.join(' ');
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** The place a folded word names, read in Latin letters; `mistyped` when not exactly its name. */
function findPlace(
	word: string,
	places: Place[],
	vocabulary: Vocabulary
): { place: Place; mistyped: boolean } | null {
	const latin = isCyrillic(word) ? latinOfCyrillic(word) : word;
	const byName = largestPlace(places.filter((place) => foldedName(place) === latin));
	if (byName) return { place: byName, mistyped: false };
	// A mistyped place name ("Flensborg") only where no offer is about the word otherwise (names
	// of providers in descriptions do not count).
	if (vocabulary.inTitles(stem(latin, 'de')) > 0) return null;
	const near = closestPlace(places, latin);
	return near ? { place: near, mistyped: true } : null;
}

/**
 * Reads a query: the thesaurus' needs it names, a place, and the remaining words (corrected where
 * they are unknown and close to a known word). Each need and word becomes a group an offer must
 * meet.
 */
export function planQuery(query: string, locale: Locale, context: PlanContext): QueryPlan {
	const languages = queryLanguages(locale);
	const typed: QueryWord[] = writtenWords(query)
		.filter(({ word }) => !carriesNoMeaning(word, locale))
		.slice(0, MAX_WORDS)
		.map(({ word, spelling }) => ({ word, typed: spelling }));
	const parts: { at: number; part: UnderstoodPart }[] = [];
	const corrections: QueryUnderstanding['corrections'] = [];
	const groups: MatchGroup[] = [];
	const used = new Set<number>();

	for (const mention of context.matcher.match(typed, languages)) {
		mention.covers.forEach((position) => used.add(position));
		const label =
			mention.concept.labels[locale] ?? mention.concept.labels.de ?? mention.concept.key;
		parts.push({
			at: mention.covers[0]!,
			part: { kind: 'concept', key: mention.concept.key, label }
		});
		for (const { position, spelling } of mention.corrections)
			corrections.push({ from: typed[position]!.typed, to: spelling });
		// The words as typed count too: they may stand in an offer's translation.
		const meaningful = mention.covers.filter(
			(position) => !wrapsANeed(typed[position]!.word, locale)
		);
		const own = meaningful.flatMap((position) =>
			wordAlternatives(typed[position]!.word, languages)
		);
		groups.push({
			alternatives: context.conceptTerms(mention.concept),
			typedWords: ownOnlyIfSingle(own, meaningful),
			concept: mention.concept,
			shown: mention.covers.map((position) => typed[position]!.typed).join(' ')
		});
	}

	// "ich suche", "I need": part of a phrase above ("Wohnung suchen"), otherwise no need of its own.
	const wrapping = typed.flatMap(({ word }, position) =>
		!used.has(position) && wrapsANeed(word, locale) ? [position] : []
	);
	wrapping.forEach((position) => used.add(position));

	// "Hilfe" beside a need prefers offers that speak of help; "Hilfe" alone is what is looked for.
	const help = typed.flatMap(({ word }, position) =>
		!used.has(position) && asksForHelp(word, locale) ? [position] : []
	);
	const preferred: TokenSet[][] = [];
	if (typed.length - wrapping.length > help.length) {
		for (const position of help) {
			used.add(position);
			preferred.push([...wordAlternatives(typed[position]!.word, languages), ...HELP_IN_OFFERS]);
			parts.push({ at: position, part: { kind: 'word', text: typed[position]!.typed } });
		}
	}

	const kindWords = new Map<OfferKind, string[]>();
	typed.forEach((entry, position) => {
		if (used.has(position)) return;
		const kind = offerKindOf(entry.word, languages);
		if (!kind) return;
		used.add(position);
		const words = kindWords.get(kind);
		if (words) words.push(entry.typed);
		else {
			const first = [entry.typed];
			kindWords.set(kind, first);
			parts.push({ at: position, part: { kind, words: first } });
		}
	});

	let place: Place | null = null;
	let placeAt = -1;
	typed.forEach((entry, position) => {
		if (used.has(position) || place) return;
		const found = findPlace(entry.word, context.places, context.vocabulary);
		if (!found) return;
		({ place } = found);
		placeAt = position;
		used.add(position);
		parts.push({ at: position, part: { kind: 'place', name: found.place.name } });
		// Cyrillic is read in Latin letters anyway; a correction would only repeat the name.
		if (found.mistyped && !isCyrillic(entry.word))
			corrections.push({ from: entry.typed, to: found.place.name });
	});

	typed.forEach((entry, position) => {
		if (used.has(position)) return;
		let alternatives = wordAlternatives(entry.word, languages);
		let shown = entry.typed;
		const known = alternatives.some(
			(tokens) => tokens.length === 1 && context.vocabulary.has(tokens[0]!)
		);
		const completions = known ? [] : context.vocabulary.completions(entry.word);
		if (completions.length) alternatives = completions.map((token) => [token]);
		else if (!known) {
			const closest = context.vocabulary.closest(alternatives[0]![0]!);
			if (closest) {
				alternatives = [[closest.token]];
				shown = closest.spelling;
				corrections.push({ from: entry.typed, to: closest.spelling });
			}
		}
		parts.push({ at: position, part: { kind: 'word', text: shown } });
		groups.push({ alternatives, typedWords: [], concept: null, shown: entry.typed });
	});

	// A place alone ("Schleswig") is what the person looks for: offers naming it.
	if (groups.length === 0 && place) {
		groups.push({
			alternatives: wordAlternatives(typed[placeAt]!.word, languages),
			typedWords: [],
			concept: null,
			shown: typed[placeAt]!.typed
		});
	}

	const correctedQuery = corrections.length
		? corrections.reduce((text, { from, to }) => text.replace(from, to), query)
		: null;
	return {
		groups,
		preferred,
		place,
		offerKinds: [...kindWords.keys()],
		understanding: {
			parts: parts.sort((a, b) => a.at - b.at).map(({ part }) => part),
			corrections,
			suggestion: correctedQuery,
			droppedWords: []
		}
	};
}

/**
 * A concept named by one word (besides "suche", "need") also matches that word in offers'
 * translations ("лікар" in a Ukrainian summary). A concept named by several words gets none of
 * them: one word of a phrase alone ("Miete" of "Hilfe für die Miete") would count for the whole need.
 */
function ownOnlyIfSingle(own: TokenSet[], covers: number[]): TokenSet[] {
	return covers.length === 1 ? own : [];
}
