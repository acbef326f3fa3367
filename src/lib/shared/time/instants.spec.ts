import { describe, expect, it } from 'vitest';
import { addMonths, utcDay } from './instants.js';

const NOW = new Date('2026-08-31T12:00:00.000Z');

describe('addMonths', () => {
	it('keeps the time of day and clamps to the end of shorter months', () => {
		expect(addMonths(NOW, -6).toISOString()).toBe('2026-02-28T12:00:00.000Z');
		expect(addMonths(new Date('2028-08-31T00:30:00Z'), -6).toISOString()).toBe(
			'2028-02-29T00:30:00.000Z'
		);
		expect(addMonths(new Date('2026-01-31T08:00:00Z'), 1).toISOString()).toBe(
			'2026-02-28T08:00:00.000Z'
		);
		expect(addMonths(new Date('2026-11-15T08:00:00Z'), 3).toISOString()).toBe(
			'2027-02-15T08:00:00.000Z'
		);
	});
});

describe('utcDay', () => {
	it('is the UTC calendar day, not the Berlin one', () => {
		expect(utcDay(new Date('2026-12-05T23:30:00Z'))).toBe('2026-12-05');
		expect(utcDay(new Date('2026-12-05T23:30:00+01:00'))).toBe('2026-12-05');
		expect(utcDay(new Date('2026-12-06T00:30:00+01:00'))).toBe('2026-12-05');
	});
});
