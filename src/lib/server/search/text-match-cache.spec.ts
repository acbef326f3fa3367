import { describe, expect, it } from 'vitest';
import { TextMatchCache } from './text-match-cache.js';

describe('TextMatchCache', () => {
	it('computes once per version and terms', async () => {
		const cache = new TextMatchCache(2);
		let calls = 0;
		const compute = async () => {
			calls++;
			return new Map([[1, 2]]);
		};
		await cache.get('v1', ['kurs'], compute);
		await cache.get('v1', ['kurs'], compute);
		expect(calls).toBe(1);
		await cache.get('v2', ['kurs'], compute);
		expect(calls).toBe(2);
	});

	it('forgets the least recently used entry beyond its capacity', async () => {
		const cache = new TextMatchCache(2);
		let calls = 0;
		const compute = async () => {
			calls++;
			return new Map<number, number>();
		};
		await cache.get('v', ['a'], compute);
		await cache.get('v', ['b'], compute);
		await cache.get('v', ['a'], compute);
		await cache.get('v', ['c'], compute);
		await cache.get('v', ['a'], compute);
		expect(calls).toBe(3);
		await cache.get('v', ['b'], compute);
		expect(calls).toBe(4);
	});
});
