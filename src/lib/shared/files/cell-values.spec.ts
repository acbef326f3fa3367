import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount, parseDate, parseLink } from './cell-values.js';

describe('cell values', () => {
	it('reads German and ISO dates and refuses impossible ones', () => {
		expect(parseDate('31.12.2026')).toBe('2026-12-31');
		expect(parseDate('1.6.2026')).toBe('2026-06-01');
		expect(parseDate('2026-06-01')).toBe('2026-06-01');
		expect(parseDate('30.02.2026')).toBeUndefined();
		expect(parseDate('morgen')).toBeUndefined();
	});

	it('reads euro amounts as cents', () => {
		expect(parseAmount('25')).toBe(2500);
		expect(parseAmount('12,50 €')).toBe(1250);
		expect(parseAmount('EUR 1.250,00')).toBe(125000);
		expect(parseAmount('12.5')).toBe(1250);
		expect(parseAmount('zwölf')).toBeUndefined();
		expect(formatAmount(2550)).toBe('25,50');
		expect(formatAmount(5)).toBe('0,05');
	});

	it('accepts web links only', () => {
		expect(parseLink('https://example.org/a')).toBe('https://example.org/a');
		expect(parseLink('www.example.org')).toBe('https://www.example.org');
		expect(parseLink('javascript:alert(1)')).toBeUndefined();
		expect(parseLink('example')).toBeUndefined();
	});
});
