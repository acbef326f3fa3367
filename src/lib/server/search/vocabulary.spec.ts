import { describe, expect, it } from 'vitest';
import { handMadeOfferIndex, type HandMadeOffer } from '../../../../tests/support/offer-index.js';
import { Bitset } from './bitset.js';
import type { FullTextTokens } from './full-text-tokens.js';
import { offerVocabulary } from './vocabulary.js';

/** The vocabulary of the offers; the full text also knows the descriptions' tokens given. */
async function vocabularyOf(offers: HandMadeOffer[], descriptionTokens: string[] = []) {
	const index = await handMadeOfferIndex(offers);
	const known = new Set(descriptionTokens);
	const fullText: FullTextTokens = {
		has: (token) =>
			known.has(token) || index.titleTokens.has(token) || index.summaryTokens.has(token),
		match: async () => new Bitset(index.size),
		ready: Promise.resolve()
	};
	return offerVocabulary(index, fullText);
}

describe('offerVocabulary', () => {
	it('knows every token of the offers, descriptions included', async () => {
		const vocabulary = await vocabularyOf([{ title: 'Fahrradwerkstatt' }], ['schraub']);
		expect(vocabulary.has('fahrradwerkstatt')).toBe(true);
		expect(vocabulary.has('werkstatt')).toBe(true);
		expect(vocabulary.has('schraub')).toBe(true);
		expect(vocabulary.has('auto')).toBe(false);
	});

	it('suggests the closest word of a title or summary, as it is written there', async () => {
		const vocabulary = await vocabularyOf([
			{ title: 'Fahrräder reparieren' },
			{ summary: 'Schwimmbad' }
		]);
		expect(vocabulary.closest('fahrad')).toEqual({ token: 'fahrrad', spelling: 'Fahrräder' });
		expect(vocabulary.closest('schwimbat')).toEqual({
			token: 'schwimmbad',
			spelling: 'Schwimmbad'
		});
	});

	it('suggests nothing for short words or words too far from any', async () => {
		const vocabulary = await vocabularyOf([{ title: 'Kurs' }, { title: 'Fahrrad' }]);
		expect(vocabulary.closest('kux')).toBeNull();
		expect(vocabulary.closest('kurz')).toBeNull();
		expect(vocabulary.closest('fahrzeug')).toBeNull();
	});

	it('suggests no word that only a description has', async () => {
		expect((await vocabularyOf([{ title: 'Kurs' }], ['fahrrad'])).closest('fahrad')).toBeNull();
	});

	it('prefers fewer mistakes, then the word more offers have', async () => {
		const tens = await vocabularyOf([
			{ title: 'Schwimmbad' },
			{ title: 'Schwimmbad' },
			{ title: 'Schwimmkurs' }
		]);
		expect(tens.closest('schwimmkud')?.token).toBe('schwimmkur');
		const bauhof = { title: 'Bauhof' };
		const bahnhof = { title: 'Bahnhof' };
		expect((await vocabularyOf([bahnhof, bauhof, bauhof])).closest('bahhof')?.token).toBe('bauhof');
		expect((await vocabularyOf([bauhof, bahnhof, bahnhof])).closest('bahhof')?.token).toBe(
			'bahnhof'
		);
	});

	it('completes an unfinished word from three letters on, in order, at most twenty', async () => {
		const vocabulary = await vocabularyOf([
			{ title: 'Kurzfilm' },
			{ title: 'Kursgebühr' },
			{ summary: 'Kursleiter' },
			{ title: 'Kurs' }
		]);
		expect(vocabulary.completions('kur')).toEqual(['kur', 'kursgebuhr', 'kursleit', 'kurzfilm']);
		expect(vocabulary.completions('kurs')).toEqual(['kursgebuhr', 'kursleit']);
		expect(vocabulary.completions('ku')).toEqual([]);
		expect(vocabulary.completions('xyz')).toEqual([]);
		const many = await vocabularyOf(
			Array.from({ length: 25 }, (_, at) => ({ title: `Raum${at + 10}` }))
		);
		expect(many.completions('raum')).toHaveLength(20);
	});
});
