import { describe, expect, it } from 'vitest';
import { summarizeRecurrence } from './recurrence-summary.js';

describe('summarizeRecurrence', () => {
	it('reads weekly rules with their weekdays and interval', () => {
		expect(summarizeRecurrence('FREQ=WEEKLY;BYDAY=TU,TH')).toEqual({
			kind: 'weekly',
			interval: 1,
			weekdays: [1, 3]
		});
		expect(summarizeRecurrence('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE')).toEqual({
			kind: 'weekly',
			interval: 2,
			weekdays: [2]
		});
	});

	it('reads the nth weekday of a month, also the last', () => {
		expect(summarizeRecurrence('FREQ=MONTHLY;BYDAY=1TH')).toEqual({
			kind: 'monthly',
			nth: 1,
			weekday: 3
		});
		expect(summarizeRecurrence('FREQ=MONTHLY;BYDAY=-1SA')).toEqual({
			kind: 'monthly',
			nth: -1,
			weekday: 5
		});
		expect(summarizeRecurrence('FREQ=MONTHLY;BYDAY=MO;BYSETPOS=2')).toEqual({
			kind: 'monthly',
			nth: 2,
			weekday: 0
		});
	});

	it('reads daily rules', () => {
		expect(summarizeRecurrence('FREQ=DAILY')).toEqual({ kind: 'daily' });
	});

	it('gives up on rules that need more than a short phrase', () => {
		expect(summarizeRecurrence('FREQ=YEARLY;BYMONTH=3')).toBeNull();
		expect(summarizeRecurrence('FREQ=MONTHLY;BYMONTHDAY=15')).toBeNull();
		expect(summarizeRecurrence('nonsense')).toBeNull();
	});
});
