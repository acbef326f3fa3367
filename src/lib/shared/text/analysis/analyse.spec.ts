import { describe, expect, it } from 'vitest';
import { fold } from '../fold.js';
import {
	analyseText,
	compoundPartStems,
	textLanguageOf,
	textTokens,
	wordTokens
} from './analyse.js';
import { stem } from './stem.js';

/**
 * Whether a German offer text is found by a query word, as the search reads a word: by its stem,
 * or by all of its compound parts' stems.
 */
function finds(queryWord: string, offerText: string): boolean {
	const tokens = new Set(textTokens(offerText, 'de'));
	const word = fold(queryWord);
	const parts = compoundPartStems(word);
	return tokens.has(stem(word, 'de')) || (parts.length > 0 && parts.every((t) => tokens.has(t)));
}

describe('wordTokens', () => {
	it('gives a German compound its own stem and its parts’ stems', () => {
		expect(wordTokens('deutschkurse', 'de')).toEqual([
			stem('deutschkurse', 'de'),
			stem('deutsch', 'de'),
			stem('kurs', 'de')
		]);
	});

	it('gives a simple word and a word of another language its stem alone', () => {
		expect(wordTokens('kurse', 'de')).toEqual([stem('kurs', 'de')]);
		expect(wordTokens('курсы', 'ru')).toEqual([stem('курс', 'ru')]);
		// No German word list for English words: "wohnungssuche" in an English text stays one word.
		expect(wordTokens('wohnungssuche', 'en')).toHaveLength(1);
	});
});

describe('analysis of offers and queries', () => {
	it('lets Deutschkurs, Deutsch-Kurs, Kurs Deutsch and Deutschkurse find each other', () => {
		const forms = ['Deutschkurs', 'Deutschkurse', 'Deutsch-Kurs', 'Kurs Deutsch', 'Deutsch Kurse'];
		for (const offer of forms) {
			for (const query of forms)
				for (const word of query.split(/[\s-]/))
					expect(finds(word, offer), `${query} → ${offer}`).toBe(true);
		}
	});

	it('finds a compound by its parts and the parts by the compound', () => {
		expect(finds('Wohnung', 'Hilfe bei der Wohnungssuche')).toBe(true);
		expect(finds('Integrationskurs', 'Kurs zur Integration')).toBe(true);
		expect(finds('Sprachkurs', 'Berufssprachkurs B2')).toBe(true);
		expect(finds('Schwimmen', 'Frauenschwimmen im Hallenbad')).toBe(true);
	});

	// "Berufssprachkurs" splits into Beruf + Sprachkurs; a person typing "Kurs" wants it too.
	it.each([
		['Kurs', 'Berufssprachkurs B2'],
		['Kurs', 'Frauenintegrationskurs'],
		['Integration', 'Frauenintegrationskurs']
	])(
		'finds a compound by every word inside it, also inside a listed part: %s → %s',
		(query, offer) => {
			expect(finds(query, offer)).toBe(true);
		}
	);

	it('does not find a word by a compound it is not part of', () => {
		expect(finds('Kurs', 'Kurzberatung')).toBe(false);
		expect(finds('Deutschkurs', 'Deutsch für den Beruf')).toBe(false);
	});

	it('leaves out the words that carry no meaning, in the text’s language', () => {
		// "suchen" means something in an offer ("Wohnung suchen"); only queries leave it out.
		expect(textTokens('ich suche Arbeit', 'de')).toEqual([
			stem('suche', 'de'),
			stem('arbeit', 'de')
		]);
		expect(textTokens('where can my child learn German', 'en')).toEqual(
			['child', 'learn', 'german'].map((word) => stem(word, 'en'))
		);
		expect(textTokens('ben bir doktor', 'tr')).toEqual([stem('doktor', 'tr')]);
	});

	it('keeps numbers and language levels', () => {
		expect(textTokens('A1 Kurs 2024', 'de')).toEqual(['a1', stem('kurs', 'de'), '2024']);
		expect(textTokens('۱۲ ماه', 'fa')[0]).toBe('12');
	});

	it('keeps each word as written next to its tokens, for "Meinten Sie …"', () => {
		expect(analyseText('Wohnungssuche in Kappeln', 'de')).toEqual([
			{ word: 'Wohnungssuche', tokens: wordTokens('wohnungssuche', 'de') },
			{ word: 'Kappeln', tokens: ['kappeln'] }
		]);
	});
});

describe('textLanguageOf', () => {
	it('reads Leichte Sprache as German and every other locale as itself', () => {
		expect(textLanguageOf('de-x-easy')).toBe('de');
		expect(textLanguageOf('tr')).toBe('tr');
	});
});
