import { describe, expect, it } from 'vitest';
import { FEWER_THAN_5, suppressFigures, WITHHELD } from './representation.js';

const figures = (answered: number, migrationHistory: number, genders: number[]) => ({
	answered,
	migrationHistory,
	women: genders[0]!,
	men: genders[1]!,
	diverse: genders[2]!,
	genderNotStated: genders[3]!
});

describe('the small-number rule', () => {
	it('shows counts of five and more as they are, with shares', () => {
		const shown = suppressFigures(figures(20, 8, [10, 10, 0, 0]));
		expect(shown.counts.answered).toBe(20);
		expect(shown.counts.migrationHistory).toBe(8);
		expect(shown.shares.migrationHistory).toBe(40);
	});

	it('turns every count from 0 to 4 into "fewer than 5", and gives no share for it', () => {
		const shown = suppressFigures(figures(20, 3, [9, 11, 0, 0]));
		expect(shown.counts.migrationHistory).toBe(FEWER_THAN_5);
		expect(shown.shares.migrationHistory).toBeNull();
		expect(shown.counts.diverse).toBe(FEWER_THAN_5);
		expect(shown.counts.genderNotStated).toBe(FEWER_THAN_5);
	});

	it('hides everything when fewer than five answered', () => {
		const shown = suppressFigures(figures(4, 4, [2, 2, 0, 0]));
		expect(Object.values(shown.counts).every((count) => count === FEWER_THAN_5)).toBe(true);
		expect(Object.values(shown.shares).every((share) => share === null)).toBe(true);
	});

	it('withholds a second gender when the total minus the shown ones would reveal a small one', () => {
		const shown = suppressFigures(figures(20, 10, [8, 9, 3, 0]));
		// 0 and 3 are hidden, but together they are 3: one more must go, the smallest shown.
		expect(shown.counts.diverse).toBe(FEWER_THAN_5);
		expect(shown.counts.genderNotStated).toBe(FEWER_THAN_5);
		expect(shown.counts.women).toBe(WITHHELD);
		expect(shown.counts.men).toBe(9);
		expect(shown.shares.women).toBeNull();
	});

	it('withholds the migration count when the members without one are fewer than five', () => {
		const shown = suppressFigures(figures(12, 9, [6, 6, 0, 0]));
		expect(shown.counts.migrationHistory).toBe(WITHHELD);
		expect(shown.counts.answered).toBe(12);
	});

	it('never lets a 3 out as a number', () => {
		for (const raw of [figures(3, 3, [3, 0, 0, 0]), figures(30, 3, [3, 27, 0, 0])]) {
			const values = Object.values(suppressFigures(raw).counts);
			expect(values).not.toContain(3);
		}
	});
});
