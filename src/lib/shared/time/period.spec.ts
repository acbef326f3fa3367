import { describe, expect, it } from 'vitest';
import {
	formatPeriod,
	isClosed,
	parsePeriod,
	periodDays,
	periodOf,
	periodsBetween,
	previousPeriod
} from './period.js';

describe('reporting periods', () => {
	it('reads years, half-years and quarters and writes them back', () => {
		for (const value of ['2025', '2025-H2', '2024-Q1']) {
			expect(formatPeriod(parsePeriod(value)!)).toBe(value);
		}
		expect(parsePeriod('2025-Q3')).toEqual({ kind: 'quarter', year: 2025, part: 3 });
	});

	it('refuses what names no period', () => {
		for (const value of ['', '25', '2025-H3', '2025-Q5', '2025-Q0', '2025-1', ' 2025']) {
			expect(parsePeriod(value)).toBeNull();
		}
	});

	it('knows the first and last day, including a leap February', () => {
		expect(periodDays(parsePeriod('2024')!)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
		expect(periodDays(parsePeriod('2024-Q1')!)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
		expect(periodDays(parsePeriod('2025-H2')!)).toEqual({ from: '2025-07-01', to: '2025-12-31' });
		expect(periodDays({ kind: 'quarter', year: 2024, part: 1 }).to).toBe('2024-03-31');
	});

	it('finds the period of a day and the one before', () => {
		expect(formatPeriod(periodOf('quarter', '2026-05-31'))).toBe('2026-Q2');
		expect(formatPeriod(periodOf('half', '2026-07-01'))).toBe('2026-H2');
		expect(formatPeriod(previousPeriod(parsePeriod('2026-Q1')!))).toBe('2025-Q4');
		expect(formatPeriod(previousPeriod(parsePeriod('2026')!))).toBe('2025');
	});

	it('lists the periods of a span in order', () => {
		expect(periodsBetween('half', 2024, 2025).map(formatPeriod)).toEqual([
			'2024-H1',
			'2024-H2',
			'2025-H1',
			'2025-H2'
		]);
	});

	it('counts a period as closed only after its last day', () => {
		expect(isClosed(parsePeriod('2025')!, '2025-12-31')).toBe(false);
		expect(isClosed(parsePeriod('2025')!, '2026-01-01')).toBe(true);
	});
});
