import { describe, expect, it } from 'vitest';
import { OfferCardCache } from './offer-card-cache.js';

describe('offer card cache', () => {
	it('gives the cards put at the same version, none after the version moved on', () => {
		const cache = new OfferCardCache<string>();
		cache.take('1', []);
		cache.put('1', new Map([['de 1', 'card 1']]));
		expect([...cache.take('1', ['de 1', 'de 2'])]).toEqual([['de 1', 'card 1']]);
		expect(cache.take('2', ['de 1']).size).toBe(0);
		expect(cache.take('1', ['de 1']).size).toBe(0);
	});

	it('keeps no cards read at a version that has moved on meanwhile', () => {
		const cache = new OfferCardCache<string>();
		cache.take('1', ['de 1']);
		cache.take('2', ['de 1']);
		cache.put('1', new Map([['de 1', 'old card']]));
		expect(cache.take('2', ['de 1']).size).toBe(0);
	});

	it('lets the oldest cards go beyond its capacity', () => {
		const cache = new OfferCardCache<string>(2);
		cache.take('1', []);
		cache.put(
			'1',
			new Map([
				['a', 'A'],
				['b', 'B'],
				['c', 'C']
			])
		);
		expect([...cache.take('1', ['a', 'b', 'c']).keys()]).toEqual(['b', 'c']);
	});
});
