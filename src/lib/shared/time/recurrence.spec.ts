import { describe, expect, it } from 'vitest';
import { InvalidRecurrenceError, nthWeekdayOf, parseRecurrence, weekdayOf } from './recurrence.js';

describe('parseRecurrence', () => {
	it('rejects what is not an RRULE', () => {
		for (const rule of [
			'',
			'every tuesday',
			'FREQ=SOMETIMES',
			'BYDAY=TU',
			'DTSTART=2020;FREQ=DAILY'
		]) {
			expect(() => parseRecurrence(rule, '2026-01-01T10:00')).toThrow(InvalidRecurrenceError);
		}
	});
});

describe('Recurrence', () => {
	it('finds the first real date on or after the start, and none for a rule that ends before', () => {
		expect(parseRecurrence('FREQ=WEEKLY;BYDAY=TU', '2026-12-05T18:00').first()).toBe(
			'2026-12-08T18:00'
		);
		expect(
			parseRecurrence('FREQ=WEEKLY;BYDAY=TU;UNTIL=20261207T235959Z', '2026-12-05T18:00').first()
		).toBeNull();
	});

	it('lists the starts in [from, to) in wall-clock time across DST, up to a limit', () => {
		const daily = parseRecurrence('FREQ=DAILY', '2026-03-27T18:00');
		expect(daily.between('2026-03-28T18:00', '2026-03-31T18:00', 10)).toEqual([
			'2026-03-28T18:00',
			'2026-03-29T18:00',
			'2026-03-30T18:00'
		]);
		expect(daily.between('2026-03-28T00:00', '2026-12-31T00:00', 2)).toHaveLength(2);
	});
});

describe('BYDAY codes', () => {
	it('names the weekday and its place in the month', () => {
		expect(weekdayOf('2026-12-05')).toBe('SA');
		expect(weekdayOf('2026-12-07T18:00')).toBe('MO');
		expect(nthWeekdayOf('2026-12-08')).toBe('2TU');
		expect(nthWeekdayOf('2026-12-29')).toBe('-1TU');
		expect(nthWeekdayOf('2026-12-01')).toBe('1TU');
	});
});
