import { describe, expect, it } from 'vitest';
import { isoWeekOf, mondayOfIsoWeek } from './iso-week.js';

describe('ISO weeks', () => {
	it('names the week of a date', () => {
		expect(isoWeekOf('2026-11-29')).toBe('2026-W48');
		expect(isoWeekOf('2026-11-30')).toBe('2026-W49');
		expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
		expect(isoWeekOf('2021-01-04')).toBe('2021-W01');
	});

	it('finds the Monday of a week and rejects weeks that do not exist', () => {
		expect(mondayOfIsoWeek('2026-W49')).toBe('2026-11-30');
		expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
		expect(mondayOfIsoWeek('2025-W53')).toBeNull();
		expect(mondayOfIsoWeek('2026-W00')).toBeNull();
		expect(mondayOfIsoWeek('next week')).toBeNull();
	});
});
