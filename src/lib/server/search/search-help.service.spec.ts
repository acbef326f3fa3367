import type { Kysely } from 'kysely';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DB } from '../db/schema.js';
import { parseSearchParams, type SearchFilters } from './search.schema.js';
import type { SearchResult } from './search.service.js';

// A world where every filter narrows: each active filter takes one offer away from ten, and
// all seven together leave nothing. Words alone find ten; "qxjzvw" finds nothing.
const activeFilters = (filters: SearchFilters) =>
	[
		filters.actionFields.length,
		filters.languages.length,
		filters.targetGroups.length,
		filters.free,
		filters.online,
		filters.district,
		filters.near
	].filter(Boolean).length;
const searches: SearchFilters[] = [];
const fakeResult = (filters: SearchFilters, total: number): SearchResult =>
	({
		filters,
		total,
		notices: [],
		near: filters.near
			? { place: { id: 1, name: filters.near }, radiusKm: filters.radiusKm }
			: null,
		facets: {
			actionFields: total ? [{ value: 'language', count: total }] : [],
			languages: [],
			targetGroups: [],
			places: []
		}
	}) as unknown as SearchResult;

vi.mock('./search.service.js', () => ({
	searchOffers: vi.fn(async (_db: unknown, filters: SearchFilters) => {
		searches.push(filters);
		const active = activeFilters(filters);
		const total = filters.query === 'qxjzvw' || active === 7 ? 0 : 10 - active;
		return fakeResult(filters, total);
	})
}));
vi.mock('../pages/pages.service.js', () => ({
	getPage: vi.fn(async () => ({
		contacts: [
			{
				name: 'Dagmar Kistner',
				role: { text: 'İrtibat kişisi', lang: 'tr', fallback: false, status: 'reviewed' },
				email: 'kitz@example.org',
				phone: '04621 87-0',
				room: '1.01',
				languages: ['de']
			}
		]
	}))
}));

const { searchHelp } = await import('./search-help.service.js');
const db = {} as Kysely<DB>;
const filtersOf = (query: string) => parseSearchParams(new URLSearchParams(query)).filters;
const helpFor = (query: string) => {
	const filters = filtersOf(query);
	return searchHelp(db, filters, 'tr', fakeResult(filters, 0));
};

beforeEach(() => {
	searches.length = 0;
});

describe('searchHelp', () => {
	it('lists at most five filters to drop, in the order of the page, then all of them', async () => {
		const help = await helpFor(
			'q=deutsch&field=language&language=ar&group=women&free=1&online=1&district=flensburg&near=Kappeln&radius=5'
		);
		expect(help!.relaxations.map((relaxation) => relaxation.filter)).toEqual([
			'actionFields',
			'languages',
			'targetGroups',
			'free',
			'online',
			'all'
		]);
		expect(help!.relaxations[0]).toEqual({
			filter: 'actionFields',
			values: ['language'],
			radiusKm: null,
			total: 4,
			href: '?q=deutsch&language=ar&group=women&free=1&online=1&district=flensburg&near=Kappeln&radius=5'
		});
		expect(help!.relaxations.at(-1)).toMatchObject({ total: 10, href: '?q=deutsch' });
		// The words alone, then the first five filters: five found, the rest not searched.
		expect(searches).toHaveLength(6);
	});

	it('widens the radius before it drops the place, and keeps the words for the action fields', async () => {
		const help = await helpFor('q=deutsch&free=1&online=1&near=Kappeln&radius=10&sort=distance');
		expect(help!.relaxations.map(({ filter, radiusKm }) => [filter, radiusKm])).toEqual([
			['free', null],
			['online', null],
			['radius', 25],
			['near', null],
			['all', null]
		]);
		expect(help!.relaxations[2]!.href).toBe(
			'?q=deutsch&free=1&online=1&near=Kappeln&radius=25&sort=distance'
		);
		// Without a place there is no distance to sort by.
		expect(help!.relaxations[3]!.href).toBe('?q=deutsch&free=1&online=1');
		expect(help!.actionFields).toEqual([{ value: 'language', count: 10, href: '?field=language' }]);
		expect(searches.length).toBeLessThanOrEqual(8);
	});

	it('drops a single filter with the one search of the words alone', async () => {
		const help = await helpFor('q=deutsch&free=1');
		expect(help!.relaxations).toEqual([
			{ filter: 'free', values: [], radiusKm: null, total: 10, href: '?q=deutsch' }
		]);
		expect(searches).toHaveLength(1);
	});

	it('gives only the contacts when the words alone find nothing, after one search', async () => {
		const help = await helpFor('q=qxjzvw&free=1&online=1');
		expect(help).toEqual({
			relaxations: [],
			actionFields: [],
			contacts: [
				{
					name: 'Dagmar Kistner',
					role: { text: 'İrtibat kişisi', lang: 'tr', fallback: false, status: 'reviewed' },
					phone: '04621 87-0',
					email: 'kitz@example.org'
				}
			],
			kitzHref: '/tr/kitz'
		});
		expect(searches).toHaveLength(1);
	});

	it('searches nothing more without filters, and gives no help when something was found', async () => {
		expect((await helpFor('q=qxjzvw'))!.contacts).toHaveLength(1);
		expect(searches).toHaveLength(0);
		const filters = filtersOf('q=deutsch');
		expect(await searchHelp(db, filters, 'tr', fakeResult(filters, 3))).toBeNull();
	});
});
