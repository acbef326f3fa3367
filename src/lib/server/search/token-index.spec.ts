import { describe, expect, it } from 'vitest';
import { tokenIndexOf as indexOf } from '../../../../tests/support/offer-index.js';

describe('TokenIndex', () => {
	it('finds the offers having a token, each once', async () => {
		const index = await indexOf(40, (builder) => {
			builder.add(3, ['kur', 'deutsch', 'kur']);
			builder.add(35, ['kur']);
		});
		expect(index.has('kur')).toBe(true);
		expect(index.has('kurs')).toBe(false);
		expect(index.frequency('kur')).toBe(2);
		expect(index.frequency('deutsch')).toBe(1);
		expect(index.frequency('kurs')).toBe(0);
		expect(index.match('kur').positions()).toEqual([3, 35]);
		expect(index.match('kurs').positions()).toEqual([]);
	});

	it('takes positions in any order, as German texts and then translations come', async () => {
		const index = await indexOf(300, (builder) => {
			for (const position of [5, 200, 299]) builder.add(position, ['kurs']);
			for (const position of [0, 5, 250]) builder.add(position, ['kurs']);
		});
		expect(index.frequency('kurs')).toBe(5);
		expect(index.match('kurs').positions()).toEqual([0, 5, 200, 250, 299]);
	});

	it('matches exact tokens, not prefixes', async () => {
		const index = await indexOf(2, (builder) => builder.add(0, ['kurz']));
		expect(index.match('kur').positions()).toEqual([]);
	});

	it('answers the same set object for repeated matches', async () => {
		const index = await indexOf(2, (builder) => builder.add(1, ['kur']));
		expect(index.match('kur')).toBe(index.match('kur'));
	});

	it('keeps the first spelling seen for a token', async () => {
		const index = await indexOf(2, (builder) => {
			builder.spell('kur', 'Kurse');
			builder.spell('kur', 'Kurs');
			builder.spell('deutsch', 'Deutsch');
		});
		expect(index.spelling('kur')).toBe('Kurse');
		expect(index.spelling('arzt')).toBeUndefined();
		expect([...index.spelledTokens()]).toEqual(['kur', 'deutsch']);
	});
});
