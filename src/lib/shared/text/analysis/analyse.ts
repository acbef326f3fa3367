import { fold } from '../fold.js';
import { Decompounder } from './decompound.js';
import GERMAN_WORD_STEMS from './german-word-stems.json' with { type: 'json' };
import GERMAN_WORDS from './german-words.json' with { type: 'json' };
import { stem, type TextLanguage } from './stem.js';
import { isStopword } from './stopwords.js';

const germanWords = new Set(GERMAN_WORDS.map(fold));
const germanStems = new Set(GERMAN_WORD_STEMS);

// A part inside a compound is a listed word, or a listed word without its ending ("sprach" of
// Sprache, "schwimm" of schwimmen); only the last part may be inflected ("kursen").
const withoutEnding = ['e', 'en', 'n'];
function isKnownPart(part: string, last: boolean): boolean {
	if (isStopword(part, 'de')) return false;
	if (germanWords.has(part)) return true;
	if (last) return germanStems.has(stem(part, 'de'));
	return withoutEnding.some((ending) => germanWords.has(part + ending));
}

/** German compounds split by the maintained word list (`german-words.json`), folded. */
export const germanCompounds = new Decompounder(isKnownPart);

/**
 * The stems of a German compound's parts, and of the parts of listed compounds inside it
 * ("berufssprachkurs" → beruf, sprachkur, sprach, kur); empty when the word is no compound.
 */
export function compoundPartStems(word: string): string[] {
	const stems: string[] = [];
	for (const part of germanCompounds.split(word))
		stems.push(stem(part, 'de'), ...compoundPartStems(part));
	return [...new Set(stems)];
}

/**
 * Changes whenever analysis would produce other tokens for the same text, so that stored search
 * entries made by an older analysis are rebuilt: bump the revision when changing the rules, the
 * word list counts itself.
 */
export const ANALYSIS_VERSION = `3:${GERMAN_WORDS.length}`;

/** The search tokens of one folded word: its stem, and for German compounds their parts' stems. */
export function wordTokens(word: string, language: TextLanguage): string[] {
	const own = stem(word, language);
	if (language !== 'de') return [own];
	return [...new Set([own, ...compoundPartStems(word)])];
}

/** Each word of a text as written, with its search tokens; stopwords left out. */
export function analyseText(
	text: string,
	language: TextLanguage
): { word: string; tokens: string[] }[] {
	const result: { word: string; tokens: string[] }[] = [];
	for (const written of text.match(/[\p{L}\p{M}\p{N}\u200c]+/gu) ?? []) {
		// Folding can still split a word (a ligature, a joiner): each piece counts on its own.
		for (const word of fold(written).match(/[\p{L}\p{N}]+/gu) ?? []) {
			if (!isStopword(word, language))
				result.push({ word: written, tokens: wordTokens(word, language) });
		}
	}
	return result;
}

/** The search tokens of a text written in `language`, stopwords left out, in text order. */
export function textTokens(text: string, language: TextLanguage): string[] {
	return analyseText(text, language).flatMap((entry) => entry.tokens);
}

/** The language whose analysis fits a portal locale's texts (Leichte Sprache is German). */
export function textLanguageOf(locale: string): TextLanguage {
	return locale === 'de-x-easy' ? 'de' : (locale as TextLanguage);
}
