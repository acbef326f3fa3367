import { describe, expect, it } from 'vitest';
import { InvalidReportPeriodError } from './reports.errors.js';
import { parseReportPeriod } from './reports.schema.js';
import { reportPeriodChoices } from './yearly-report.service.js';

describe('report periods', () => {
	it('takes years, half-years and quarters that have begun', () => {
		expect(parseReportPeriod(' 2026-Q1 ', '2026-03-10')).toEqual({
			kind: 'quarter',
			year: 2026,
			part: 1
		});
		for (const [value, problem] of [
			['2026-Q2', 'future'],
			['2027', 'future'],
			['2026-H3', 'unknown'],
			['1999', 'unknown'],
			['2026; drop', 'unknown']
		] as const)
			expect(() => parseReportPeriod(value, '2026-03-10')).toThrow(
				expect.objectContaining({ problem }) as InvalidReportPeriodError
			);
	});

	it('offers the last five years with halves and quarters as far as they began, last year first', () => {
		const { periods, defaultPeriod } = reportPeriodChoices(new Date('2026-03-10T10:00:00Z'));
		expect(defaultPeriod).toBe('2025');
		expect(periods.slice(0, 3)).toEqual(['2026', '2026-H1', '2026-Q1']);
		expect(periods).not.toContain('2026-Q2');
		expect(periods).toContain('2022-Q4');
		expect(periods.at(-1)).toBe('2022-Q4');
		expect(periods).toHaveLength(3 + 4 * 7);
	});
});
