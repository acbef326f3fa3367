import { describe, expect, it } from 'vitest';
import { expensivePrefixes } from './frequent-terms.js';

describe('expensivePrefixes', () => {
	const frequencies = [
		{ term: 'deutschkurs', documents: 30 },
		{ term: 'deutsch', documents: 40 },
		{ term: 'dialog', documents: 5 }
	];

	it('groups prefixes that cover the same words and keeps groups at the threshold', () => {
		expect(expensivePrefixes(frequencies, 70)).toEqual([
			{ prefixes: ['d'], estimate: 75 },
			{ prefixes: ['de', 'deu', 'deut', 'deuts', 'deutsc', 'deutsch'], estimate: 70 }
		]);
	});

	it('separates a word from its longer relatives once the prefix excludes them', () => {
		const groups = expensivePrefixes(frequencies, 30);
		expect(groups.map((group) => group.prefixes.at(-1))).toEqual(['d', 'deutsch', 'deutschkurs']);
		expect(groups[2]!.prefixes[0]).toBe('deutschk');
		expect(expensivePrefixes(frequencies, 1000)).toEqual([]);
	});
});
