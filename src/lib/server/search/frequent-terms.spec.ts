import { describe, expect, it } from 'vitest';
import { expensivePrefixes } from './frequent-terms.js';

describe('expensivePrefixes', () => {
	it('sums the offers of every word under a prefix and keeps those at the threshold', () => {
		const frequencies = [
			{ term: 'deutsch', documents: 40 },
			{ term: 'deutschkurs', documents: 30 },
			{ term: 'dialog', documents: 5 }
		];
		expect(expensivePrefixes(frequencies, 70)).toEqual([
			'd',
			'de',
			'deu',
			'deut',
			'deuts',
			'deutsc',
			'deutsch'
		]);
		expect(expensivePrefixes(frequencies, 35)).toContain('deutsch');
		expect(expensivePrefixes(frequencies, 35)).not.toContain('deutschkurs');
		expect(expensivePrefixes(frequencies, 1000)).toEqual([]);
	});
});
