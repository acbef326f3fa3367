import { describe, expect, it } from 'vitest';
import { parseDecimal, periodIssue, targetIssue } from './concept-rules.js';

describe('parseDecimal', () => {
	it('reads a decimal comma or point and a minus', () => {
		expect(parseDecimal('12,5')).toBe(12.5);
		expect(parseDecimal(' 12.5 ')).toBe(12.5);
		expect(parseDecimal('-3')).toBe(-3);
		expect(parseDecimal('40')).toBe(40);
	});

	it('reads empty text as no value', () => {
		expect(parseDecimal('  ')).toBeNull();
	});

	it('refuses words, thousands separators and two separators', () => {
		for (const text of ['viele', '1.234,5', '1,2,3', '12 %', '0x10', '1e3', 'NaN'])
			expect(parseDecimal(text), text).toBe('invalid');
	});
});

describe('periodIssue', () => {
	const concept = { periodFrom: 2024, periodTo: 2027 };

	it('accepts a period of the indicator kind inside the concept years', () => {
		expect(periodIssue('2025', 'year', concept)).toBeNull();
		expect(periodIssue('2027-H2', 'half', concept)).toBeNull();
		expect(periodIssue('2024-Q1', 'quarter', concept)).toBeNull();
	});

	it('names a period outside the concept years', () => {
		expect(periodIssue('2023', 'year', concept)).toEqual({
			path: 'period',
			code: 'outside_concept'
		});
		expect(periodIssue('2028-Q1', 'quarter', concept)?.code).toBe('outside_concept');
	});

	it('names a period of the wrong kind', () => {
		expect(periodIssue('2025-H1', 'year', concept)?.code).toBe('wrong_kind_year');
		expect(periodIssue('2025', 'quarter', concept)?.code).toBe('wrong_kind_quarter');
	});

	it('names text that is no period', () => {
		expect(periodIssue('2025-Q5', 'quarter', concept)?.code).toBe('invalid_period');
		expect(periodIssue('letztes Jahr', 'year', concept)?.code).toBe('invalid_period');
	});
});

describe('targetIssue', () => {
	it('refuses a target year before the baseline year', () => {
		expect(targetIssue('2025-06-30', 2024)).toEqual({
			path: 'targetYear',
			code: 'before_baseline'
		});
	});

	it('accepts the baseline year itself, later years, and missing parts', () => {
		expect(targetIssue('2025-06-30', 2025)).toBeNull();
		expect(targetIssue('2025-06-30', 2030)).toBeNull();
		expect(targetIssue(null, 2020)).toBeNull();
		expect(targetIssue('2025-01-01', null)).toBeNull();
	});
});
