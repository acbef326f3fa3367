import { describe, expect, it } from 'vitest';
import { compoundPartStems, germanCompounds } from './analyse.js';
import { Decompounder } from './decompound.js';
import { stem } from './stem.js';

/** A decompounder over a hand-made word list, every part allowed anywhere. */
function listed(...words: string[]) {
	const known = new Set(words);
	return new Decompounder((part) => known.has(part));
}

describe('Decompounder', () => {
	it('splits a compound into its listed words, with the linking letters between them', () => {
		const decompounder = listed('wohnung', 'suche', 'frauen', 'schwimmen', 'kurs', 'deutsch');
		expect(decompounder.split('wohnungssuche')).toEqual(['wohnung', 'suche']);
		expect(decompounder.split('frauenschwimmen')).toEqual(['frauen', 'schwimmen']);
		expect(decompounder.split('deutschkurs')).toEqual(['deutsch', 'kurs']);
	});

	it('leaves whole a word not made entirely of listed words', () => {
		const decompounder = listed('kurs', 'deutsch', 'haus');
		expect(decompounder.split('kappeln')).toEqual([]);
		expect(decompounder.split('kursxyzabc')).toEqual([]);
		expect(decompounder.split('abcdeutsch')).toEqual([]);
		expect(decompounder.split('deutschkursus')).toEqual([]);
	});

	it('does not split short words, nor into parts under three letters', () => {
		expect(listed('ab', 'cd', 'ef', 'abc', 'def').split('abcdef')).toEqual(['abc', 'def']);
		expect(listed('ab', 'cdef').split('abcdef')).toEqual([]);
		expect(listed('bau', 'ort').split('bauort')).toEqual(['bau', 'ort']);
		expect(listed('bau', 'or').split('bauor')).toEqual([]);
	});

	it('splits into as few parts as possible', () => {
		const decompounder = listed('beruf', 'sprach', 'kurs', 'sprachkurs');
		expect(decompounder.split('berufssprachkurs')).toEqual(['beruf', 'sprachkurs']);
		expect(listed('beruf', 'sprach', 'kurs').split('berufssprachkurs')).toEqual([
			'beruf',
			'sprach',
			'kurs'
		]);
	});

	it('still splits a compound that is listed itself', () => {
		expect(listed('deutsch', 'kurs', 'deutschkurs').split('deutschkurs')).toEqual([
			'deutsch',
			'kurs'
		]);
	});

	it('prefers fewer linking letters among splits of as many parts', () => {
		// "frau-en-schwimmen" and "frauen-schwimmen" both have two parts.
		expect(listed('frau', 'frauen', 'schwimmen').split('frauenschwimmen')).toEqual([
			'frauen',
			'schwimmen'
		]);
		expect(listed('neb', 'neben', 'kosten').split('nebenkosten')).toEqual(['neben', 'kosten']);
	});

	it('tells the word list which part ends the compound', () => {
		const asked: [string, boolean][] = [];
		const decompounder = new Decompounder((part, last) => {
			asked.push([part, last]);
			return last ? part === 'kursen' : part === 'deutsch';
		});
		expect(decompounder.split('deutschkursen')).toEqual(['deutsch', 'kursen']);
		expect(asked).toContainEqual(['kursen', true]);
		expect(asked).not.toContainEqual(['deutsch', true]);
	});
});

describe('German compounds by the maintained word list', () => {
	it('splits the compounds of local offers into their parts', () => {
		expect(germanCompounds.split('deutschkurs')).toEqual(['deutsch', 'kurs']);
		expect(germanCompounds.split('integrationskurs')).toEqual(['integration', 'kurs']);
		expect(germanCompounds.split('migrationsberatung')).toEqual(['migration', 'beratung']);
		expect(germanCompounds.split('frauenschwimmen')).toEqual(['frauen', 'schwimmen']);
		expect(germanCompounds.split('berufssprachkurs')).toEqual(['beruf', 'sprachkurs']);
	});

	it('gives the stems of the parts, so a compound meets its parts typed apart', () => {
		const stems = (...words: string[]) => words.map((word) => stem(word, 'de'));
		expect(compoundPartStems('wohnungssuche')).toEqual(stems('wohnung', 'suche'));
		expect(compoundPartStems('deutschkurse')).toEqual(stems('deutsch', 'kurs'));
		expect(compoundPartStems('frauenschwimmen')).toEqual(stems('frauen', 'schwimmen'));
	});

	it('leaves place names and unknown words whole', () => {
		for (const word of ['kappeln', 'flensburg', 'schleswig', 'xyzabcdef'])
			expect(germanCompounds.split(word)).toEqual([]);
	});
});
