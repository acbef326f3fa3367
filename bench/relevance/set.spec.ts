import { describe, expect, it } from 'vitest';
import type { DemoOffer } from '../../src/lib/server/demo/demo.schema.js';
import {
	kmBetween,
	relevantKeys,
	searchParamsFor,
	type DemoContent,
	type RelevanceQuery,
	type RelevanceSet
} from './set.js';

const KAPPELN = '01059045';
const FLENSBURG = '01001000';

function offer(key: string, changes: Partial<DemoOffer> = {}): DemoOffer {
	return {
		key,
		organisation: 'vhs',
		title: `Angebot ${key}`,
		summary: 'Kurz gesagt.',
		description: 'Ausführlich gesagt.',
		actionFields: ['language'],
		targetGroups: ['newcomers'],
		languages: ['de'],
		languageLevel: 'none',
		cost: { kind: 'free' },
		access: 'walk_in',
		accessibility: [],
		location: { street: 'Markt 1', place: KAPPELN },
		schedule: { kind: 'appointment' },
		translations: {},
		...changes
	} as DemoOffer;
}

const demo: DemoContent = {
	offers: [
		offer('kurs-kappeln'),
		offer('kurs-flensburg', { location: { street: 'Holm 1', place: FLENSBURG } }),
		offer('kurs-online', { location: { online: true, url: 'https://kurs.example' } }),
		offer('kurs-frueher', { archivedMonthsAgo: 3 }),
		offer('frauentreff', {
			actionFields: ['women'],
			targetGroups: ['women'],
			summary: 'Beratung und Tee.'
		}),
		offer('frauensport', { actionFields: ['women', 'health'], targetGroups: ['women', 'seniors'] })
	],
	places: new Map([
		[KAPPELN, { name: 'Kappeln', lat: 54.66, lon: 9.93 }],
		[FLENSBURG, { name: 'Flensburg', lat: 54.78, lon: 9.44 }]
	])
};

const set: RelevanceSet = { groups: { kurse: ['kurs-kappeln', 'kurs-online'] }, queries: [] };
const query = (changes: Partial<RelevanceQuery>): RelevanceQuery => ({
	language: 'de',
	text: 'Deutschkurs',
	...changes
});
const keys = (changes: Partial<RelevanceQuery>) =>
	[...relevantKeys(set, query(changes), demo)].sort();

describe('relevantKeys', () => {
	it('unites named offers, groups and field rules, in the demo content only', () => {
		expect(keys({ groups: ['kurse'], offers: ['frauentreff'] })).toEqual([
			'frauentreff',
			'kurs-kappeln',
			'kurs-online'
		]);
		expect(keys({ offers: ['no-such-offer'] })).toEqual([]);
	});

	it('leaves out offers taken off the portal, named or matched', () => {
		expect(keys({ offers: ['kurs-frueher'] })).toEqual([]);
		expect(keys({ fields: [{ field: 'language' }] })).toEqual([
			'kurs-flensburg',
			'kurs-kappeln',
			'kurs-online'
		]);
	});

	it('narrows a field rule by target group and by words of the German text', () => {
		expect(keys({ fields: [{ field: 'women', targetGroups: ['seniors'] }] })).toEqual([
			'frauensport'
		]);
		expect(keys({ fields: [{ field: 'women', keywords: ['BERATUNG'] }] })).toEqual(['frauentreff']);
	});

	it('keeps only offers at a place within the distance, never online ones', () => {
		expect(keys({ fields: [{ field: 'language' }], within: { place: 'Kappeln', km: 10 } })).toEqual(
			['kurs-kappeln']
		);
		expect(keys({ fields: [{ field: 'language' }], within: { place: 'Kappeln', km: 50 } })).toEqual(
			['kurs-flensburg', 'kurs-kappeln']
		);
		expect(() => keys({ within: { place: 'Kapeln', km: 10 } })).toThrow(/unknown place/);
	});
});

describe('kmBetween', () => {
	it('measures Kappeln to Flensburg as the crow flies', () => {
		const [kappeln, flensburg] = [demo.places.get(KAPPELN)!, demo.places.get(FLENSBURG)!];
		expect(kmBetween(kappeln, flensburg)).toBeGreaterThan(30);
		expect(kmBetween(kappeln, flensburg)).toBeLessThan(40);
		expect(kmBetween(kappeln, kappeln)).toBe(0);
	});
});

describe('searchParamsFor', () => {
	it('sends the text as q beside the form parameters', () => {
		const params = searchParamsFor(query({ params: 'near=Kappeln&radius=25&field=language' }));
		expect(params.get('q')).toBe('Deutschkurs');
		expect(params.get('near')).toBe('Kappeln');
		expect(params.getAll('field')).toEqual(['language']);
	});
});
