import { describe, expect, it } from 'vitest';
import {
	formatAmount,
	formatDateEntry,
	parseAmount,
	parseDate,
	parseDateEntry,
	parseLink
} from './cell-values.js';

describe('cell values', () => {
	it('reads German and ISO dates and refuses impossible ones', () => {
		expect(parseDate('31.12.2026')).toBe('2026-12-31');
		expect(parseDate('1.6.2026')).toBe('2026-06-01');
		expect(parseDate('2026-06-01')).toBe('2026-06-01');
		expect(parseDate('30.02.2026')).toBeUndefined();
		expect(parseDate('morgen')).toBeUndefined();
	});

	it('reads a date with start, end time or end date, and writes it back the same way', () => {
		expect(parseDateEntry('02.06.2026 18:00')).toEqual({ startsAt: '2026-06-02T18:00' });
		expect(parseDateEntry('2026-06-02 18:00-19:30')).toEqual({
			startsAt: '2026-06-02T18:00',
			endsAt: '2026-06-02T19:30'
		});
		expect(parseDateEntry('2.6.2026 18.00 Uhr – 19.30 Uhr')).toEqual({
			startsAt: '2026-06-02T18:00',
			endsAt: '2026-06-02T19:30'
		});
		const overnight = { startsAt: '2026-06-02T18:00', endsAt: '2026-06-03T10:00' };
		expect(parseDateEntry('02.06.2026 18:00 bis 03.06.2026 10:00')).toEqual(overnight);
		expect(parseDateEntry(formatDateEntry(overnight))).toEqual(overnight);
		expect(parseDateEntry('02.06.2026')).toBeUndefined();
		expect(parseDateEntry('02.06.2026 25:00')).toBeUndefined();
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
