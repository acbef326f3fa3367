import { expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/database.js';
import { translateOffer } from '../../src/lib/server/offers/offers.service.js';
import { setSetting } from '../../src/lib/server/db/settings.repository.js';
import { OFFERS_VERSION_SETTING } from '../../src/lib/server/offers/offers.schema.js';
import { fullTextTokens } from '../../src/lib/server/search/full-text-tokens.js';
import { offerIndex } from '../../src/lib/server/search/offer-index.js';
import { calendarWeek, upcomingDates } from '../../src/lib/server/search/calendar.service.js';
import { parseSearchParams } from '../../src/lib/server/search/search.schema.js';
import { searchOffers } from '../../src/lib/server/search/search.service.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { addMinutes } from '../../src/lib/shared/time/wall-clock.js';

// Tuesday 1 December 2026, 10:00 in Berlin.
const NOW = new Date('2026-12-01T09:00:00Z');
const ids = {} as Record<
	'course' | 'cafe' | 'counselling' | 'womensCafe' | 'online' | 'parents' | 'draft' | 'expired',
	number
>;

async function seed(database: Database) {
	const db = database.db;
	const places = await createDistrictsAndPlaces(db);
	const { schleswigFlensburg, flensburg } = places.districts;
	const kappeln = await places.place('Kappeln');
	const vhs = await createOrganisation(db, {
		districtId: schleswigFlensburg,
		name: 'Volkshochschule Kappeln'
	});
	const diakonie = await createOrganisation(db, {
		districtId: flensburg,
		name: 'Diakonie Flensburg'
	});
	const verein = await createOrganisation(db, {
		districtId: schleswigFlensburg,
		name: 'Treffpunkt e.V.'
	});

	ids.course = await createOffer(
		db,
		{
			organisationId: vhs,
			placeId: kappeln,
			title: 'Deutschkurs A1 für Anfänger',
			summary: 'Deutsch lernen in kleinen Gruppen.',
			actionFields: ['language'],
			targetGroups: ['newcomers'],
			languages: ['de', 'ar'],
			schedule: {
				kind: 'recurring',
				entries: [
					{
						startsAt: '2026-11-03T09:00',
						endsAt: '2026-11-03T12:00',
						rrule: 'FREQ=WEEKLY;BYDAY=TU'
					}
				]
			}
		},
		NOW
	);
	ids.cafe = await createOffer(
		db,
		{
			organisationId: verein,
			placeId: await places.place('Süderbrarup'),
			title: 'Sprachcafé',
			summary: 'Gemeinsam Deutsch üben bei Kaffee und Tee.',
			actionFields: ['language', 'associations'],
			languages: ['de', 'uk'],
			cost: { kind: 'amount', cents: 200 },
			schedule: { kind: 'dates', entries: [{ startsAt: '2026-12-05T15:00' }] }
		},
		NOW
	);
	ids.counselling = await createOffer(
		db,
		{
			organisationId: diakonie,
			placeId: await places.place('Flensburg'),
			title: 'Migrationsberatung',
			summary: 'Beratung zu Aufenthalt, Arbeit und Familie.',
			actionFields: ['work'],
			languages: ['de', 'ar', 'fa']
		},
		NOW
	);
	ids.womensCafe = await createOffer(
		db,
		{
			organisationId: verein,
			placeId: await places.place('Harrislee'),
			title: 'Frauencafé International',
			summary: 'Ein Treffpunkt nur für Frauen.',
			actionFields: ['women'],
			targetGroups: ['women'],
			schedule: {
				kind: 'dates',
				entries: [{ startsAt: '2026-12-04T10:00', endsAt: '2026-12-04T12:00' }]
			}
		},
		NOW
	);
	ids.online = await createOffer(
		db,
		{
			organisationId: diakonie,
			title: 'Online-Beratungsstelle Anerkennung',
			summary: 'Ausländische Abschlüsse anerkennen lassen.',
			actionFields: ['work']
		},
		NOW
	);
	ids.parents = await createOffer(
		db,
		{
			organisationId: verein,
			placeId: await places.place('Schleswig'),
			title: 'Elterncafé',
			summary: 'Austausch für Eltern.',
			description: 'Wer möchte, kann dabei auch Deutsch sprechen.',
			actionFields: ['associations'],
			targetGroups: ['families']
		},
		NOW
	);
	ids.draft = await createOffer(
		db,
		{
			organisationId: vhs,
			placeId: kappeln,
			title: 'Deutschkurs Entwurf',
			summary: 'Noch nicht fertig.',
			status: 'draft'
		},
		NOW
	);
	ids.expired = await createOffer(
		db,
		{
			organisationId: vhs,
			placeId: kappeln,
			title: 'Deutschkurs vom letzten Jahr',
			summary: 'Vorbei.',
			validFrom: '2025-01-01',
			validTo: '2025-12-31'
		},
		NOW
	);
	await translateOffer(
		db,
		ids.course,
		'ar',
		{ title: 'دورة اللغة الألمانية A1', summary: 'تعلم اللغة الألمانية في مجموعات صغيرة.' },
		'reviewed',
		NOW
	);
	await translateOffer(
		db,
		ids.course,
		'en',
		{ title: 'German course A1 for beginners', summary: 'Learn German in small groups.' },
		'reviewed',
		NOW
	);
}

/** The search page's query over one database, at NOW. */
function searchOver(database: () => Database) {
	const search = async (query: string, locale: 'de' | 'ar' | 'en' | 'uk' = 'de') => {
		const { filters, notices } = parseSearchParams(new URLSearchParams(query));
		return searchOffers(database().db, filters, locale, { now: NOW, notices });
	};
	const idsOf = async (query: string) => (await search(query)).items.map((item) => item.id);
	return { search, idsOf };
}

describeEachDialect(
	'offer search',
	({ database }) => {
		const { search, idsOf } = searchOver(database);

		it('finds published, valid offers only', async () => {
			const all = await idsOf('');
			expect(all).toHaveLength(6);
			expect(all).not.toContain(ids.draft);
			expect(all).not.toContain(ids.expired);
		});

		it('ignores case and diacritics', async () => {
			const expected = [ids.counselling, ids.online].sort();
			for (const query of ['Beratung', 'beratung', 'BERATUNG', 'Bératung']) {
				const found = await idsOf(`q=${encodeURIComponent(query)}`);
				expect(found.sort(), query).toEqual(expected);
			}
		});

		it('matches word prefixes', async () => {
			expect((await idsOf('q=berat')).sort()).toEqual([ids.counselling, ids.online].sort());
			expect(await idsOf('q=frauenc')).toEqual([ids.womensCafe]);
		});

		it('finds offers by the name of their place or provider', async () => {
			expect(await idsOf('q=schleswig')).toEqual([ids.parents]);
			expect((await idsOf('q=volkshochschule')).sort()).toEqual([ids.course]);
		});

		it('ranks a title match above a summary match, and shows description matches only without either', async () => {
			// "Deutsch" stands in the course's title and the café's summary, the parents' café has it
			// in its description only: a person gets the offers about German, not every mention.
			expect(await idsOf('q=deutsch')).toEqual([ids.course, ids.cafe]);
			expect(await idsOf('q=sprechen')).toEqual([ids.parents]);
		});

		it('finds translated text and shows it in the chosen language', async () => {
			const result = await search('q=' + encodeURIComponent('الألمانية'), 'ar');
			expect(result.items.map((item) => item.id)).toEqual([ids.course]);
			expect(result.items[0]!.title).toMatchObject({
				text: 'دورة اللغة الألمانية A1',
				lang: 'ar',
				fallback: false
			});
		});

		it('falls back to German, marked, where no translation exists', async () => {
			const result = await search('q=sprachcafe', 'uk');
			expect(result.items[0]!.title).toEqual({
				text: 'Sprachcafé',
				lang: 'de',
				fallback: true,
				status: 'missing'
			});
		});

		it('filters by action field, delivery language, target group, cost and online', async () => {
			expect((await idsOf('field=language')).sort()).toEqual([ids.course, ids.cafe].sort());
			expect((await idsOf('field=language&field=women')).sort()).toEqual(
				[ids.course, ids.cafe, ids.womensCafe].sort()
			);
			expect(await idsOf('language=uk')).toEqual([ids.cafe]);
			expect(await idsOf('group=women')).toEqual([ids.womensCafe]);
			expect(await idsOf('field=language&free=1')).toEqual([ids.course]);
			expect(await idsOf('online=1')).toEqual([ids.online]);
			expect(await idsOf('field=work&language=fa')).toEqual([ids.counselling]);
		});

		it('counts facets without the facet’s own filter', async () => {
			const result = await search('field=language');
			const fields = Object.fromEntries(
				result.facets.actionFields.map((facet) => [facet.value, facet.count])
			);
			expect(fields).toMatchObject({ language: 2, work: 2, women: 1, associations: 2 });
			const languages = Object.fromEntries(
				result.facets.languages.map((facet) => [facet.value, facet.count])
			);
			expect(languages).toEqual({ de: 2, ar: 1, uk: 1 });
		});

		it('finds offers within a radius, nearest first, across both districts', async () => {
			const near = await search('near=Kappeln&radius=25');
			expect(near.items.map((item) => [item.id, item.distanceKm])).toEqual([
				[ids.course, 0],
				[ids.cafe, 10]
			]);
			const wide = await search('near=24376&radius=50&sort=distance');
			expect(wide.items.map((item) => item.id)).toEqual([
				ids.course,
				ids.cafe,
				ids.parents,
				ids.counselling,
				ids.womensCafe
			]);
			expect(wide.items.find((item) => item.id === ids.counselling)!.districtName).toBe(
				'Flensburg'
			);
			expect(wide.items.find((item) => item.id === ids.parents)!.districtName).toBe(
				'Kreis Schleswig-Flensburg'
			);
		});

		it('explains unknown places, values and pages instead of failing', async () => {
			const result = await search('near=99999&field=nonsense&radius=7&page=99&sort=random');
			expect(result.total).toBe(6);
			expect(result.page).toBe(1);
			expect(result.notices.map((notice) => notice.key).sort()).toEqual([
				'search.notice.pageOutOfRange',
				'search.notice.unknownPlace',
				'search.notice.unknownValue',
				'search.notice.unknownValue',
				'search.notice.unknownValue'
			]);
			const long = await search(`q=${'Deutsch '.repeat(1250)}`);
			expect(long.notices.map((notice) => notice.key)).toContain('search.notice.queryTooLong');
			expect(long.items[0]!.id).toBe(ids.course);
			const symbols = await search(`q=${encodeURIComponent('"*:&|!()\'')}`);
			expect(symbols.notices.map((notice) => notice.key)).toContain('search.notice.noWords');
		});

		it('reads a place one typing mistake away as that place, and says so', async () => {
			const mistyped = await search('near=Flensborg&field=language&radius=5');
			expect(mistyped.near?.place.name).toBe('Flensburg');
			expect(mistyped.notices).toEqual([
				{ key: 'search.notice.placeCorrected', params: { value: 'Flensborg', name: 'Flensburg' } }
			]);
			const meant = await search('near=Flensburg&field=language&radius=5');
			expect(mistyped.items.map((item) => item.id)).toEqual(meant.items.map((item) => item.id));
		});

		it('keeps the other filters for an unknown place and suggests the closest names', async () => {
			const withPlace = await search('near=Flenzbórk&field=language&radius=5');
			const withoutPlace = await search('field=language');
			expect(withPlace.near).toBeNull();
			expect(withPlace.items.map((item) => item.id)).toEqual(
				withoutPlace.items.map((item) => item.id)
			);
			expect(withPlace.notices).toEqual([
				{ key: 'search.notice.unknownPlace', params: { value: 'Flenzbórk' } }
			]);
			expect(withPlace.placeSuggestions).toEqual(['Flensburg']);
			expect((await search('near=Schlesswegg')).placeSuggestions).toEqual(['Schleswig']);
			expect((await search('near=kapp')).placeSuggestions[0]).toBe('Kappeln');
			expect((await search('near=99999')).placeSuggestions).toEqual([]);
			expect((await search('near=Kappeln')).placeSuggestions).toEqual([]);
		});

		it('sorts by next date', async () => {
			const found = await idsOf('sort=date');
			expect(found.slice(0, 3)).toEqual([ids.course, ids.womensCafe, ids.cafe]);
		});

		it('lists the dates of a week from recurring and single dates', async () => {
			const { filters } = parseSearchParams(new URLSearchParams(''));
			const week = await calendarWeek(database().db, filters, '2026-W49', 'de', NOW);
			expect(week.days[0]!.date).toBe('2026-12-01');
			const dates = week.days.flatMap((day) =>
				day.entries.map((entry) => [entry.startsAt, entry.offer.id])
			);
			expect(dates).toEqual([
				['2026-12-01T09:00', ids.course],
				['2026-12-04T10:00', ids.womensCafe],
				['2026-12-05T15:00', ids.cafe]
			]);
			const next = await calendarWeek(database().db, filters, '2026-W50', 'de', NOW);
			expect(next.days[1]!.entries.map((entry) => entry.startsAt)).toEqual(['2026-12-08T09:00']);
		});
	},
	seed
);

// These tests change offers or the index; each gets its own copy of the seeded database.
describeEachDialect(
	'offer search after a change',
	({ database }) => {
		const { search, idsOf } = searchOver(database);

		it('finds the next dates of the filtered offers behind hundreds of others', async () => {
			// Dates of the café every ten minutes for four days: more than a batch of dates read at once.
			const crowded = Array.from({ length: 500 }, (_, at) => ({
				offerId: ids.cafe!,
				startsAt: addMinutes('2026-12-02T10:05', at * 10),
				endsAt: null
			}));
			await database().db.insertInto('offerOccurrences').values(crowded).execute();
			const { filters } = parseSearchParams(new URLSearchParams('field=women'));
			const upcoming = await upcomingDates(database().db, filters, 'de', {
				days: 14,
				limit: 6,
				now: new Date('2026-12-02T09:00:00Z')
			});
			expect(upcoming.map((entry) => entry.offer.id)).toEqual([ids.womensCafe]);
			const all = parseSearchParams(new URLSearchParams('')).filters;
			const week = await calendarWeek(database().db, all, '2026-W49', 'de', NOW);
			// At most 500 dates a week, the first ones in time order.
			expect(week.total).toBe(500);
			expect(week.days[0]!.entries.map((entry) => entry.startsAt)).toEqual(['2026-12-01T09:00']);
		});

		it('marks a translation outdated when the German source changed', async () => {
			await database()
				.db.updateTable('offers')
				.set({ title: 'Deutschkurs A1 (neu)' })
				.where('id', '=', ids.course)
				.execute();
			const result = await search('q=deutschkurs', 'en');
			expect(result.items[0]!.title).toMatchObject({
				text: 'German course A1 for beginners',
				status: 'outdated'
			});
		});

		it('answers from warmed frequent-token sets exactly as the full-text engine does', async () => {
			const queries = [
				'q=beratung',
				'q=deu',
				'q=deutsch+kaffee',
				'q=familie',
				'q=eltern&sort=title'
			];
			const before = await Promise.all(queries.map(idsOf));
			// A new index version whose sets are warmed for every token found in one offer or more.
			await setSetting(database().db, OFFERS_VERSION_SETTING, 'warmed');
			const warmed = fullTextTokens(database().db, await offerIndex(database().db), 1);
			await warmed.ready;
			expect((await warmed.match('deutsch')).count()).toBeGreaterThan(0);
			expect(await Promise.all(queries.map(idsOf))).toEqual(before);
		});
	},
	seed,
	{ isolation: 'test' }
);
