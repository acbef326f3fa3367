import { describe, expect, it } from 'vitest';
import type { TextLanguage } from '../../../shared/text/analysis/stem.js';
import type { SearchConcept } from './concept.js';
import { allowedMistakes } from '../../../shared/text/edit-distance.js';
import { ConceptMatcher, writtenWords } from './concept-matcher.js';

function concept(key: string, phrases: SearchConcept['phrases']): SearchConcept {
	return {
		key,
		labels: { de: key },
		phrases,
		actionFields: [],
		targetGroups: [],
		germanCourse: false,
		terms: [],
		broader: null
	};
}

const germanCourse = concept('german-course', {
	de: ['Deutschkurs', 'Deutsch für Anfänger'],
	en: ['German course'],
	ru: ['курсы немецкого'],
	latin: ['kursy nemeckogo']
});
const doctor = concept('doctor', {
	de: ['Arzt'],
	uk: ['лікар'],
	ru: ['врач'],
	latin: ['vrach']
});
const women = concept('women', { de: ['Frauen'], tr: ['kadınlar'] });
const integrationCourse = concept('integration-course', { de: ['Integrationskurs'] });
const course = concept('course', { de: ['Kurs'] });
const german = concept('german', { de: ['Deutsch'] });

const matcher = new ConceptMatcher([
	germanCourse,
	doctor,
	women,
	integrationCourse,
	course,
	german
]);

/** The concepts named in a query: key, covered positions and corrections. */
function read(query: string, languages: TextLanguage[] = ['de', 'en']) {
	const typed = writtenWords(query).map(({ word, spelling }) => ({ word, typed: spelling }));
	return matcher.match(typed, languages).map((mention) => ({
		key: mention.concept.key,
		covers: mention.covers,
		corrections: mention.corrections
	}));
}

const exactly = (key: string, covers: number[]) => ({ key, covers, corrections: [] });

describe('ConceptMatcher', () => {
	it('finds a phrase in any word order', () => {
		expect(read('course German')).toEqual([exactly('german-course', [0, 1])]);
		expect(read('German course')).toEqual([exactly('german-course', [0, 1])]);
	});

	it('finds a compound phrase in its parts typed apart', () => {
		expect(read('Kurs Deutsch')).toEqual([exactly('german-course', [0, 1])]);
		expect(read('Deutsch-Kurs')).toEqual([exactly('german-course', [0, 1])]);
		expect(read('Deutschkurs')).toEqual([exactly('german-course', [0])]);
	});

	it('finds a phrase across inflection, by the stems of the query’s languages', () => {
		expect(read('Deutschkurse')).toEqual([exactly('german-course', [0])]);
		expect(read('Deutschkursen')).toEqual([exactly('german-course', [0])]);
		expect(read('German courses')).toEqual([exactly('german-course', [0, 1])]);
		expect(read('курс немецкого', ['ru', 'de', 'en'])).toEqual([exactly('german-course', [0, 1])]);
		expect(read('лікаря', ['uk', 'de', 'en'])).toEqual([exactly('doctor', [0])]);
		expect(read('kadın', ['tr', 'de', 'en'])).toEqual([exactly('women', [0])]);
	});

	it('finds Latin spellings of Cyrillic phrases and Cyrillic spellings of Latin ones', () => {
		expect(read('kursi nemetskogo')).toEqual([exactly('german-course', [0, 1])]);
		expect(read('vratsch')).toEqual([exactly('doctor', [0])]);
		expect(read('likar')).toEqual([exactly('doctor', [0])]);
		expect(read('врач')).toEqual([exactly('doctor', [0])]);
	});

	it('takes a word with a typing mistake for the phrase word, and reports the correction', () => {
		expect(read('Fraun')).toEqual([
			{ key: 'women', covers: [0], corrections: [{ position: 0, spelling: 'Frauen' }] }
		]);
		expect(read('Deutschkurz')).toEqual([
			{ key: 'german-course', covers: [0], corrections: [{ position: 0, spelling: 'Deutschkurs' }] }
		]);
		// Nine letters and more allow two mistakes.
		expect(read('Intergationkurs')).toEqual([
			{
				key: 'integration-course',
				covers: [0],
				corrections: [{ position: 0, spelling: 'Integrationskurs' }]
			}
		]);
	});

	it('allows typing mistakes only in words of five letters or more', () => {
		expect(read('Artz')).toEqual([]);
		expect(allowedMistakes(4)).toBe(0);
		expect(allowedMistakes(5)).toBe(1);
		expect(allowedMistakes(8)).toBe(1);
		expect(allowedMistakes(9)).toBe(2);
	});

	it('does not take a four-letter Latin word for another through its sound skeleton', () => {
		// "Kurz" (short) is a word of its own, not a mistyped "Kurs".
		expect(read('Kurz')).toEqual([]);
	});

	it('takes an exactly matching word as it is, not for a near one', () => {
		// "kurse" is exactly a form of Kurs; it is not corrected to another phrase word.
		expect(read('Kurse')).toEqual([exactly('course', [0])]);
	});

	it('lets the longest phrase win', () => {
		expect(read('Deutsch für Anfänger')).toEqual([exactly('german-course', [0, 2])]);
		expect(read('Anfänger Deutsch')).toEqual([exactly('german-course', [0, 1])]);
	});

	it('uses each query word once', () => {
		// "Kurs" is taken by the longer phrase Deutschkurs and names no second concept.
		expect(read('Kurs Deutsch')).toEqual([exactly('german-course', [0, 1])]);
		expect(read('Deutsch Kurs Arzt')).toEqual([
			exactly('german-course', [0, 1]),
			exactly('doctor', [2])
		]);
	});

	it('names several concepts in the order typed, a concept once with all its words', () => {
		expect(read('Frauen Arzt Deutsch')).toEqual([
			exactly('women', [0]),
			exactly('doctor', [1]),
			exactly('german', [2])
		]);
		expect(read('Arzt Kinder врач', ['ru', 'de', 'en'])).toEqual([exactly('doctor', [0, 2])]);
	});

	it('finds nothing in words no phrase has', () => {
		expect(read('Fahrrad Reparatur')).toEqual([]);
		expect(read('')).toEqual([]);
	});
});
