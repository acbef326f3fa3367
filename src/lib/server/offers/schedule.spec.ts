import { describe, expect, it } from 'vitest';
import { expandSchedule } from './schedule.js';

describe('expandSchedule', () => {
	it('expands a weekly rule within the window, keeping wall-clock time across DST', () => {
		const occurrences = expandSchedule(
			[{ startsAt: '2026-10-20T18:00', endsAt: '2026-10-20T19:30', rrule: 'FREQ=WEEKLY;BYDAY=TU' }],
			'2026-10-20T00:00',
			'2026-11-04T00:00'
		);
		expect(occurrences).toEqual([
			{ startsAt: '2026-10-20T18:00', endsAt: '2026-10-20T19:30' },
			{ startsAt: '2026-10-27T18:00', endsAt: '2026-10-27T19:30' },
			{ startsAt: '2026-11-03T18:00', endsAt: '2026-11-03T19:30' }
		]);
	});

	it('expands monthly rules like the first Thursday', () => {
		const occurrences = expandSchedule(
			[{ startsAt: '2026-01-01T10:00', rrule: 'FREQ=MONTHLY;BYDAY=1TH' }],
			'2026-03-01T00:00',
			'2026-05-01T00:00'
		);
		expect(occurrences.map((o) => o.startsAt)).toEqual(['2026-03-05T10:00', '2026-04-02T10:00']);
	});

	it('keeps single dates inside the window and merges entries in order', () => {
		const occurrences = expandSchedule(
			[
				{ startsAt: '2026-12-10T09:00' },
				{ startsAt: '2026-12-01T09:00' },
				{ startsAt: '2027-02-01T09:00' }
			],
			'2026-11-30T00:00',
			'2027-01-01T00:00'
		);
		expect(occurrences.map((o) => o.startsAt)).toEqual(['2026-12-01T09:00', '2026-12-10T09:00']);
	});

	it('respects COUNT and UNTIL', () => {
		const counted = expandSchedule(
			[{ startsAt: '2026-01-05T10:00', rrule: 'FREQ=DAILY;COUNT=3' }],
			'2026-01-01T00:00',
			'2026-12-31T00:00'
		);
		expect(counted).toHaveLength(3);
	});
});
