import { describe, expect, it } from 'vitest';
import {
	COUNTRY_DISTRICTS,
	placeName,
	syntheticDistricts,
	type TemplatePlace
} from './districts.js';

// A district of 127 places in a 0.5° × 1° box, as Schleswig-Flensburg's are.
const template: TemplatePlace[] = Array.from({ length: 127 }, (_, index) => ({
	name: `Ort ${index}`,
	lat: 54.3 + (index % 10) * 0.05,
	lon: 9.0 + Math.floor(index / 10) * 0.06,
	population: 100 + index * 37
}));
const districts = syntheticDistricts(COUNTRY_DISTRICTS - 2, template);
const places = districts.flatMap((district) => district.places);

describe('synthetic districts', () => {
	it('with the two real ones make a country’s 401, under keys and slugs of their own', () => {
		expect(districts).toHaveLength(399);
		expect(new Set(districts.map((district) => district.ags)).size).toBe(399);
		expect(new Set(districts.map((district) => district.slug)).size).toBe(399);
		expect(districts.every((district) => /^99\d{3}$/.test(district.ags))).toBe(true);
		expect(districts[0]).toMatchObject({ ags: '99001', slug: 'kreis-001', kind: 'kreis' });
		expect(districts.every((district) => district.name.includes('synthetisch'))).toBe(true);
	});

	it('have a fifth of the template’s places each, about 10,000 in all', () => {
		for (const district of districts) {
			expect(district.places.length).toBeGreaterThanOrEqual(25);
			expect(district.places.length).toBeLessThanOrEqual(26);
			expect(district.places.every((place) => place.ags.startsWith(district.ags))).toBe(true);
		}
		expect(places.length).toBeGreaterThan(10_000);
		expect(new Set(places.map((place) => place.ags)).size).toBe(places.length);
	});

	it('name every place differently, so a place name means one place', () => {
		expect(new Set(places.map((place) => place.name)).size).toBe(places.length);
		expect(
			places.every((place) => /^[A-ZÄÖÜ][a-zäöüß]+( [A-Z][a-zäöüß]+)?$/.test(place.name))
		).toBe(true);
		expect(new Set(Array.from({ length: 50_000 }, (_, index) => placeName(index))).size).toBe(
			50_000
		);
	});

	it('lie within Germany’s extent, each district in a cell of its own', () => {
		const outside = places.filter(
			(place) => place.lat < 47.3 || place.lat > 55 || place.lon < 5.9 || place.lon > 15
		);
		expect(outside).toEqual([]);
		const boxes = districts.map(({ places: own }) => ({
			south: Math.min(...own.map((place) => place.lat)),
			north: Math.max(...own.map((place) => place.lat)),
			west: Math.min(...own.map((place) => place.lon)),
			east: Math.max(...own.map((place) => place.lon))
		}));
		const overlapping = boxes.filter((box, index) =>
			boxes.some(
				(other, at) =>
					at !== index &&
					box.south < other.north &&
					other.south < box.north &&
					box.west < other.east &&
					other.west < box.east
			)
		);
		expect(overlapping).toEqual([]);
	});

	it('keep the template places’ populations', () => {
		const populations = new Set(template.map((place) => place.population));
		expect(places.every((place) => populations.has(place.population))).toBe(true);
	});
});
