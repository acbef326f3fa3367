import { describe, expect, it } from 'vitest';
import { PrefixIndex } from './prefix-index.js';

describe('PrefixIndex', () => {
	const index = new PrefixIndex(4);
	index.add(0, ['deutschkurs', 'kappeln']);
	index.add(1, ['deutsch', 'cafe']);
	index.add(2, ['sprachcafe', 'kappeln']);
	index.add(3, ['دورة', 'الالمانية']);
	index.freeze();

	it('finds every word starting with a prefix', () => {
		expect(index.matchAll(['deutsch']).positions()).toEqual([0, 1]);
		expect(index.matchAll(['cafe']).positions()).toEqual([1]);
		expect(index.matchAll(['d']).positions()).toEqual([0, 1]);
	});

	it('requires every prefix', () => {
		expect(index.matchAll(['deut', 'kap']).positions()).toEqual([0]);
		expect(index.matchAll(['deut', 'sprach']).positions()).toEqual([]);
	});

	it('works for any script', () => {
		expect(index.matchAll(['دور']).positions()).toEqual([3]);
	});
});
