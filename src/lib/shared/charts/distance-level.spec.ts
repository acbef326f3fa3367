import { describe, expect, it } from 'vitest';
import { distanceLevel } from './distance-level.js';

describe('distance level', () => {
	it('is 0 at the place, 1 to 3 by thirds of the reach, 4 beyond it', () => {
		expect([0, 0.1, 5, 5.1, 10, 10.1, 15, 15.1, 100].map((km) => distanceLevel(km, 15))).toEqual([
			0, 1, 1, 2, 2, 3, 3, 4, 4
		]);
	});

	it('is 4 where there is no offer at all', () => {
		expect(distanceLevel(null, 15)).toBe(4);
	});

	it('keeps only "at the place" within a reach of zero', () => {
		expect(distanceLevel(0, 0)).toBe(0);
		expect(distanceLevel(0.5, 0)).toBe(4);
	});
});
