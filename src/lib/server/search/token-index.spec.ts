import { describe, expect, it } from 'vitest';
import { TokenIndex } from './token-index.js';

describe('TokenIndex', () => {
	it('finds the offers having a token, each once', () => {
		const index = new TokenIndex(40);
		index.add(3, ['kur', 'deutsch', 'kur']);
		index.add(35, ['kur']);
		expect(index.has('kur')).toBe(true);
		expect(index.has('kurs')).toBe(false);
		expect(index.frequency('kur')).toBe(2);
		expect(index.frequency('deutsch')).toBe(1);
		expect(index.frequency('kurs')).toBe(0);
		expect(index.match('kur').positions()).toEqual([3, 35]);
		expect(index.match('kurs').positions()).toEqual([]);
	});

	it('matches exact tokens, not prefixes', () => {
		const index = new TokenIndex(2);
		index.add(0, ['kurz']);
		expect(index.match('kur').positions()).toEqual([]);
	});

	it('answers the same set object for repeated matches', () => {
		const index = new TokenIndex(2);
		index.add(1, ['kur']);
		expect(index.match('kur')).toBe(index.match('kur'));
	});

	it('keeps the first spelling seen for a token', () => {
		const index = new TokenIndex(2);
		index.spell('kur', 'Kurse');
		index.spell('kur', 'Kurs');
		index.spell('deutsch', 'Deutsch');
		expect(index.spelling('kur')).toBe('Kurse');
		expect(index.spelling('arzt')).toBeUndefined();
		expect([...index.spelledTokens()]).toEqual(['kur', 'deutsch']);
	});
});
