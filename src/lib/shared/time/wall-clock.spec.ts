import { describe, expect, it } from 'vitest';
import {
	addDays,
	addMinutes,
	asUtcFields,
	daysBetween,
	fromUtcFields,
	isCalendarDay,
	isWallClockTime,
	minutesBetween
} from './wall-clock.js';

describe('validation', () => {
	it('accepts real days only', () => {
		expect(isCalendarDay('2028-02-29')).toBe(true);
		for (const value of ['2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '28.02.2026', ''])
			expect(isCalendarDay(value)).toBe(false);
	});

	it('accepts real wall-clock times only', () => {
		expect(isWallClockTime('2026-12-05T23:59')).toBe(true);
		for (const value of ['2026-02-30T10:00', '2026-01-01T24:00', '2026-01-01T10:60', '2026-01-01'])
			expect(isWallClockTime(value)).toBe(false);
	});
});

describe('arithmetic', () => {
	it('adds days to dates and date-times, keeping their form', () => {
		expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
		expect(addDays('2026-03-28T18:00', 1)).toBe('2026-03-29T18:00');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});

	it('adds minutes and counts days and minutes without DST', () => {
		expect(addMinutes('2026-03-29T01:30', 90)).toBe('2026-03-29T03:00');
		expect(addMinutes('2026-12-31T23:30', 45)).toBe('2027-01-01T00:15');
		expect(minutesBetween('2026-10-25T01:00', '2026-10-25T04:00')).toBe(180);
		expect(daysBetween('2026-12-05T18:00', '2027-01-05T09:00')).toBe(31);
	});
});

describe('UTC fields', () => {
	it('carries wall-clock time through a Date unchanged', () => {
		expect(asUtcFields('2026-07-01T14:00').toISOString()).toBe('2026-07-01T14:00:00.000Z');
		expect(asUtcFields('2026-07-01').toISOString()).toBe('2026-07-01T00:00:00.000Z');
		expect(fromUtcFields(new Date('2026-07-01T14:00:59Z'))).toBe('2026-07-01T14:00');
	});
});
