import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales.js';
import { negotiateLocale } from './negotiate.js';

describe('negotiateLocale', () => {
	it('falls back without a header', () => {
		expect(negotiateLocale(null, LOCALES, 'de')).toBe('de');
	});

	it('honours q-values and regional variants', () => {
		expect(negotiateLocale('fr;q=1, ar-SY;q=0.9, de;q=0.5', LOCALES, 'de')).toBe('ar');
		expect(negotiateLocale('en-GB,en;q=0.8', LOCALES, 'de')).toBe('en');
	});

	it('ignores disabled languages', () => {
		expect(negotiateLocale('tr', ['de', 'en'], 'de')).toBe('de');
	});
});
