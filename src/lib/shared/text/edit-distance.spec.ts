import { describe, expect, it } from 'vitest';
import { characterMask, editDistance, fewestEdits, MistakeIndex } from './edit-distance.js';

describe('editDistance', () => {
	it('counts substitutions, insertions and deletions', () => {
		expect(editDistance('flensborg', 'flensburg')).toBe(1);
		expect(editDistance('schlesweg', 'schleswig')).toBe(1);
		expect(editDistance('kapeln', 'kappeln')).toBe(1);
		expect(editDistance('kappelns', 'kappeln')).toBe(1);
		expect(editDistance('', 'tarp')).toBe(4);
	});

	it('counts a swap of neighbours as one mistake', () => {
		expect(editDistance('tapr', 'tarp')).toBe(1);
	});

	it('is zero only for equal words', () => {
		expect(editDistance('idstedt', 'idstedt')).toBe(0);
		expect(editDistance('husby', 'hüsby')).toBe(1);
	});

	it('stops once the distance is above a limit, answering limit + 1', () => {
		expect(editDistance('integrationskurs', 'deutsch', 2)).toBe(3);
		expect(editDistance('flensborg', 'flensburg', 1)).toBe(1);
		expect(editDistance('kappeln', 'kapplen', 1)).toBe(1);
		expect(editDistance('abcdef', 'badcfe', 2)).toBe(3);
		expect(editDistance('abcdef', 'badcfe')).toBe(3);
	});

	it('gives the same distances for long words as for short ones', () => {
		const long = 'integrationskursberatungsstelle'.repeat(3);
		expect(editDistance(long, long.replaceAll('beratung', 'beratnug'))).toBe(3);
	});
});

describe('fewestEdits', () => {
	const bound = (a: string, b: string) => fewestEdits(characterMask(a), characterMask(b));

	it('never says more than the edit distance', () => {
		const words = ['flensburg', 'flensborg', 'kappeln', 'kapplen', 'tarp', 'tapr', 'deutsch'];
		const more = ['integrationskurs', 'integrationkurs', 'курсы', 'курс', 'دكتور', 'دکتر', ''];
		for (const a of [...words, ...more])
			for (const b of [...words, ...more])
				expect(bound(a, b)).toBeLessThanOrEqual(editDistance(a, b));
	});

	it('rules out words that share few characters', () => {
		expect(bound('deutsch', 'flensburg')).toBeGreaterThan(2);
		expect(bound('kappeln', 'kapplen')).toBe(0);
	});
});

describe('MistakeIndex', () => {
	it('finds the words within the mistakes with their distances, shorter words first', () => {
		const words = new MistakeIndex<string>();
		for (const word of ['flensburg', 'flensborg', 'flensburger', 'kappeln', 'husum'])
			words.add(word, word.toUpperCase());
		const found: [string, number][] = [];
		words.forEachWithin('flensbrug', 2, (item, distance) => found.push([item, distance]));
		expect(found).toEqual([
			['FLENSBURG', 1],
			['FLENSBORG', 2]
		]);
		const none: string[] = [];
		words.forEachWithin('kapeln', 0, (item) => none.push(item));
		expect(none).toEqual([]);
	});
});
