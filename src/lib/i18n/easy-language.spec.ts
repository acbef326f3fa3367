import { describe, expect, it } from 'vitest';
import { catalogue } from './messages.js';

// Rules of Netzwerk Leichte Sprache as this portal applies them (see docs/translation-glossary.md).
const easy = Object.entries(catalogue('de-x-easy'));
const offending = (pattern: RegExp) =>
	easy.filter(([, text]) => pattern.test(text)).map(([key, text]) => `${key}: ${text}`);

// Abbreviations a reader of Leichte Sprache cannot resolve; "km" and "€" only standing alone.
const ABBREVIATIONS =
	/\b(?:z\. ?B\.|ca\.|usw\.|bzw\.|ggf\.|evtl\.|inkl\.|d\. ?h\.|Nr\.|Str\.|Tel\.|(?:Mo|Di|Mi|Do|Fr|Sa|So)\.|(?:Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)\.)|(?<![\p{L}{-])km(?![\p{L}}-])|€/u;

// A hard word may stay only with its explanation in the same message.
const HARD_WORDS: [RegExp, RegExp][] = [
	[/Filter/, /Filter (?:heißt|sind)/],
	[/Cookies?/, /Cookies sind/],
	[/Server/, /Server (?:ist|sind)/],
	[/\b[ABC][12]\b/, /\b[ABC][12] \(Sie /]
];

describe('the Leichte Sprache catalogue', () => {
	it('joins compound words with the hyphen only, as the content does', () => {
		expect(offending(/·/)).toEqual([]);
	});

	it('does not split words that are no compounds', () => {
		expect(offending(/Regel[-·]mäßig|Über[-·][Ww]eisung|Ehren[-·]amtlich/)).toEqual([]);
	});

	it('writes no abbreviations', () => {
		expect(offending(ABBREVIATIONS)).toEqual([]);
	});

	it.each(HARD_WORDS)('explains %s where it appears', (word, explanation) => {
		const unexplained = easy
			.filter(([, text]) => word.test(text) && !explanation.test(text))
			.map(([key, text]) => `${key}: ${text}`);
		expect(unexplained).toEqual([]);
	});
});
