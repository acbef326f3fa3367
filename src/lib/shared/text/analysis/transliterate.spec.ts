import { describe, expect, it } from 'vitest';
import { fold } from '../fold.js';
import { isCyrillic, isLatin, latinOfCyrillic, soundSkeleton } from './transliterate.js';

/** The sound skeleton of a folded word in either script. */
const skeleton = (word: string) => {
	const folded = fold(word);
	return soundSkeleton(isCyrillic(folded) ? latinOfCyrillic(folded) : folded);
};

describe('latinOfCyrillic', () => {
	it('writes Russian and Ukrainian words in Latin letters as people type them', () => {
		expect(latinOfCyrillic('врач')).toBe('vrach');
		expect(latinOfCyrillic('лікар')).toBe('likar');
		expect(latinOfCyrillic('курсы')).toBe('kursy');
		expect(latinOfCyrillic('щука')).toBe('shchuka');
		expect(latinOfCyrillic('объявление')).toBe('obyavlenie');
	});

	it('leaves letters of other scripts as they are', () => {
		expect(latinOfCyrillic('kurs')).toBe('kurs');
	});
});

describe('soundSkeleton', () => {
	it('lets a chat spelling meet the Cyrillic word', () => {
		expect(skeleton('vrach')).toBe(skeleton('врач'));
		expect(skeleton('vratsch')).toBe(skeleton('врач'));
		expect(skeleton('likar')).toBe(skeleton('лікар'));
		expect(skeleton('Likar')).toBe(skeleton('Лікар'));
	});

	it('brings the ways of spelling "kursy nemeckogo" together', () => {
		const typed = ['kursy nemeckogo', 'kursi nemetskogo', 'Kursy Nemetskogo'];
		const cyrillic = 'курсы немецкого'.split(' ').map(skeleton);
		for (const query of typed) expect(query.split(' ').map(skeleton)).toEqual(cyrillic);
	});

	it('keeps words that sound different apart', () => {
		expect(skeleton('vrach')).not.toBe(skeleton('vrag'));
		expect(skeleton('kurs')).not.toBe(skeleton('kursy'));
	});
});

describe('script tests', () => {
	it('tells Latin from Cyrillic words', () => {
		expect(isLatin('deutsch')).toBe(true);
		expect(isLatin('a1')).toBe(true);
		expect(isLatin('курс')).toBe(false);
		expect(isCyrillic('курс')).toBe(true);
		expect(isCyrillic('лікар')).toBe(true);
		expect(isCyrillic('kurs')).toBe(false);
		expect(isCyrillic('طفل')).toBe(false);
	});
});
