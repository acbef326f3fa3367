import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateOffer } from '../src/lib/server/offers/offers.service.js';
import { syntheticOffer, type BenchPlace } from './generate.js';
import { isListed, readDemoContent } from './relevance/set.js';

const templates = readDemoContent(resolve('content')).offers.filter(isListed);
const place: BenchPlace = {
	id: 7,
	districtId: 2,
	name: 'Tarp',
	amt: 'Amt Oeversee',
	population: 5800
};
// Every place the demo names, so each template's own place resolves.
const lookup = {
	districtByAgs: new Map<string, number>(),
	placeByAgs: new Map(
		templates.flatMap((offer) =>
			'place' in offer.location ? [[offer.location.place, { id: 1, districtId: 1 }] as const] : []
		)
	)
};
const now = new Date('2026-03-10T12:00:00Z');
const offers = templates.map((template) => syntheticOffer(template, 3, place, lookup, now, 30));

describe('synthetic bench offers', () => {
	it('are valid offers at the chosen place, with series, one-off dates and appointments', () => {
		for (const { input } of offers) validateOffer(input);
		const kinds = offers.map(({ input }) => input.schedule.kind);
		for (const kind of ['recurring', 'dates', 'appointment'])
			expect(kinds.filter((k) => k === kind).length / kinds.length).toBeGreaterThan(0.2);
		const placed = offers.filter(({ input }) => input.location.kind === 'address');
		expect(
			placed.every(({ input }) => 'placeId' in input.location && input.location.placeId === 7)
		).toBe(true);
		expect(placed.every(({ place: at }) => at === place)).toBe(true);
	});

	it('start their dates on the day they were entered', () => {
		const series = offers.find(({ input }) => input.schedule.kind === 'recurring')!.input.schedule;
		expect('entries' in series && series.entries[0]!.startsAt.slice(0, 10)).toBe('2026-02-08');
	});

	it('carry the demo translations, all three fields in each language', () => {
		const translated = offers.filter(({ translations }) => translations.length > 0);
		expect(translated.length / offers.length).toBeGreaterThan(0.25);
		for (const { translations } of translated) {
			expect(translations.length % 3).toBe(0);
			expect(new Set(translations.map(({ locale }) => locale)).has('de')).toBe(false);
		}
	});
});
