import { describe, expect, it } from 'vitest';
import { distanceKm } from './geo.js';

describe('distanceKm', () => {
	it('is zero for the same point', () => {
		expect(distanceKm({ lat: 54.5, lon: 9.5 }, { lat: 54.5, lon: 9.5 })).toBe(0);
	});

	it('measures Schleswig to Flensburg as about 31 km', () => {
		const schleswig = { lat: 54.52156, lon: 9.5586 };
		const flensburg = { lat: 54.78431, lon: 9.43961 };
		expect(distanceKm(schleswig, flensburg)).toBeCloseTo(30.2, 0);
	});

	it('is symmetric', () => {
		const a = { lat: 54.66122, lon: 9.9313 };
		const b = { lat: 54.8, lon: 9.38333 };
		expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 10);
	});
});
