import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { seedDemo } from '../../src/lib/server/demo/demo.js';
import { getPage } from '../../src/lib/server/pages/pages.service.js';
import { loadReferencePlaces } from '../../src/lib/server/places/reference.js';
import {
	parseSearchParams,
	searchParamsOf,
	type SearchFilters
} from '../../src/lib/server/search/search.schema.js';
import { searchOffers } from '../../src/lib/server/search/search.service.js';
import { searchHelp } from '../../src/lib/server/search/search-help.service.js';
import { portalSearch } from '../../src/lib/server/search/search-page.service.js';
import { describeEachDialect } from '../support/databases.js';

const CONTENT = resolve('content');
const FRESHNESS = { freshnessReminderMonths: 6, freshnessOutdatedMonths: 6 };
const KITZ_PERSONS = ['Dagmar Kistner', 'Joanna Wilkonska-Malla'];

describeEachDialect(
	'search help when nothing is found',
	({ database }) => {
		const filtersOf = (query: string) => parseSearchParams(new URLSearchParams(query)).filters;
		const totalOf = async (filters: SearchFilters) =>
			(await searchOffers(database().db, filters, 'tr')).total;
		const helpFor = async (query: string) => {
			const { filters, notices } = parseSearchParams(new URLSearchParams(query));
			return portalSearch(database().db, filters, 'tr', { notices, freshness: FRESHNESS });
		};

		it('drops each filter in turn, names it, and links to a search that finds what it says', async () => {
			// Online offers have no place: online and near together find nothing, whatever the words.
			const query = 'q=deutsch&language=de&online=1&near=Kappeln&radius=10';
			const { result, help } = await helpFor(query);
			expect(result.total).toBe(0);
			const filters = filtersOf(query);
			const variants: [string, string[], SearchFilters][] = [
				['languages', ['de'], { ...filters, languages: [] }],
				['online', [], { ...filters, online: false }],
				['radius', ['Kappeln'], { ...filters, radiusKm: 25 }],
				['near', ['Kappeln'], { ...filters, near: null }]
			];
			const expected = [];
			for (const [filter, values, variant] of variants) {
				const total = await totalOf(variant);
				if (total > 0)
					expected.push({ filter, values, total, href: `?${searchParamsOf(variant)}` });
			}
			const alone = await totalOf(filtersOf('q=deutsch'));
			expected.push({ filter: 'all', values: [], total: alone, href: '?q=deutsch' });
			expect(help!.relaxations.map(({ radiusKm: _, ...relaxation }) => relaxation)).toEqual(
				expected
			);
			expect(help!.relaxations.map((relaxation) => relaxation.filter)).toEqual(
				expect.arrayContaining(['online', 'near', 'all'])
			);
			for (const relaxation of help!.relaxations) {
				expect(relaxation.total).toBeGreaterThan(0);
				expect(await totalOf(filtersOf(relaxation.href.slice(1))), relaxation.filter).toBe(
					relaxation.total
				);
			}
		});

		it('drops words that filter like the boxes ("online") as it drops the boxes', async () => {
			// No swimming offer is online: "online Schwimmkurs" finds nothing.
			const { result, help } = await helpFor('q=online+Schwimmkurs');
			expect(result.total).toBe(0);
			const swimming = await totalOf(filtersOf('q=Schwimmkurs'));
			expect(swimming).toBeGreaterThan(0);
			expect(help!.relaxations).toEqual([
				{
					filter: 'online',
					values: ['online'],
					radiusKm: null,
					total: swimming,
					href: `?${searchParamsOf({ ...filtersOf('q=Schwimmkurs') })}`
				}
			]);
			expect(help!.actionFields.length).toBeGreaterThan(0);
		});

		it('widens the radius first, then drops the place; at most five and the words alone', async () => {
			// No offer lies within 5 km of Ausacker, but several within 10 km.
			const wider = await helpFor('near=Ausacker&radius=5&free=1');
			const radius = wider.help!.relaxations.find((relaxation) => relaxation.filter === 'radius');
			expect(radius).toMatchObject({
				values: ['Ausacker'],
				radiusKm: 10,
				href: '?free=1&near=Ausacker&radius=10'
			});
			expect(await totalOf(filtersOf(radius!.href.slice(1)))).toBe(radius!.total);
			const filters = wider.help!.relaxations.map((relaxation) => relaxation.filter);
			expect(filters.indexOf('radius')).toBeLessThan(filters.indexOf('near'));
			expect(filters.at(-1)).toBe('all');

			const many = await helpFor(
				'q=deutsch&field=language&language=ar&group=newcomers&free=1&online=1&near=Kappeln&radius=5'
			);
			expect(many.result.total).toBe(0);
			const relaxations = many.help!.relaxations;
			expect(relaxations.filter((relaxation) => relaxation.filter !== 'all').length).toBeLessThan(
				6
			);
			expect(relaxations.at(-1)).toMatchObject({ filter: 'all', href: '?q=deutsch' });
		});

		it('offers the action fields the words match, browsable without the words', async () => {
			const { help } = await helpFor('q=deutsch&online=1&near=Kappeln&radius=10');
			const alone = await searchOffers(database().db, filtersOf('q=deutsch'), 'tr');
			const top = [...alone.facets.actionFields]
				.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
				.slice(0, 3);
			expect(help!.actionFields).toEqual(
				top.map((facet) => ({ ...facet, href: `?field=${facet.value}` }))
			);
			expect(help!.actionFields[0]!.value).toBe('language');
		});

		it('gives only the contact persons when the words match nothing at all', async () => {
			const { result, help } = await helpFor('q=qxjzvw&free=1&near=Kappeln&radius=10');
			expect(result.total).toBe(0);
			expect(help).toMatchObject({ relaxations: [], actionFields: [] });
			expect(help!.contacts.map((contact) => contact.name)).toEqual(KITZ_PERSONS);
			const alone = await helpFor('q=qxjzvw');
			expect(alone.help).toMatchObject({ relaxations: [], actionFields: [] });
			expect(alone.help!.contacts).toHaveLength(2);
		});

		it('names the contact persons’ role in the visitor’s language, as the KITZ page does', async () => {
			const { help } = await helpFor('q=qxjzvw');
			const page = await getPage(database().db, 'kitz', 'tr');
			expect(help!.kitzHref).toBe('/tr/kitz');
			expect(help!.contacts.map((contact) => contact.role)).toEqual(
				page!.contacts.map((contact) => contact.role)
			);
			expect(help!.contacts[0]!.role).toMatchObject({ lang: 'tr', fallback: false });
			const german = await searchHelp(
				database().db,
				filtersOf('q=qxjzvw'),
				'de',
				(await helpFor('q=qxjzvw')).result
			);
			expect(german!.contacts[0]!.role.lang).toBe('de');
			expect(german!.contacts[0]!.role.text).not.toBe(help!.contacts[0]!.role.text);
			expect(german!.kitzHref).toBe('/de/kitz');
		});

		it('gives no help when something is found', async () => {
			const { result, help } = await helpFor('q=deutsch');
			expect(result.total).toBeGreaterThan(0);
			expect(help).toBeNull();
		});
	},
	async (database) => {
		await loadReferencePlaces(database.db, CONTENT);
		await seedDemo(database.db, { contentDir: CONTENT, password: 'demo-password-for-tests' });
	}
);
