import { describe, expect, it } from 'vitest';
import { sqliteTextSearch, textSearchFor } from '../../src/lib/server/db/text-search.js';
import type { Db } from '../../src/lib/server/db/schema.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect, freshDatabase } from '../support/databases.js';

async function createOffers(db: Db, count: number): Promise<number[]> {
	const { districts } = await createDistrictsAndPlaces(db);
	const organisationId = await createOrganisation(db, {
		districtId: districts.schleswigFlensburg
	});
	const ids: number[] = [];
	for (let made = 0; made < count; made++) ids.push((await createOffer(db, { organisationId }))!);
	return ids;
}

const ascending = (ids: number[]) => [...ids].sort((a, b) => a - b);

describeEachDialect('full-text entries', ({ database }) => {
	it('inserted many at once are found as entries indexed one by one', async () => {
		const db = database().db;
		const search = textSearchFor(db);
		// The last three of twelve: ids of two digits, which travel in one string with the others.
		const [first, second, third] = (await createOffers(db, 12)).slice(-3) as [
			number,
			number,
			number
		];
		expect(first).toBeGreaterThanOrEqual(10);
		for (const id of [first, second, third]) await search.remove(db, id);
		await search.insertMany(db, [
			{ offerId: first, document: { title: 'sprachcafe', summary: 'treff', body: 'tarp' } },
			{ offerId: second, document: { title: 'deutschkurs', summary: 'treff', body: 'kropp' } }
		]);
		await search.index(db, third, { title: 'beratung', summary: 'treff', body: 'tarp' });

		expect(ascending(await search.matchingIds(db, 'treff'))).toEqual([first, second, third]);
		expect(ascending(await search.matchingIds(db, 'tarp'))).toEqual([first, third]);
		expect(await search.matchingIds(db, 'kropp')).toEqual([second]);
		expect(await search.matchingIds(db, 'husum')).toEqual([]);
		// The frequent sets' way of reading (PostgreSQL: its own transaction) finds the same.
		expect(ascending(await search.matchingIds(db, 'treff', { common: true }))).toEqual([
			first,
			second,
			third
		]);
	});
});

describe('SQLite full-text matches read in pages', () => {
	it('are the offers one read finds, across page boundaries', async () => {
		const database = await freshDatabase('sqlite');
		try {
			const { db } = database;
			const ids = await createOffers(db, 9);
			// Every offer has "treff" (pages of 2, 2, 2, 2, 1); every other one "tarp" (2, 2, then none).
			const tarp = ids.filter((_, at) => at % 2 === 1);
			for (const id of ids) {
				await sqliteTextSearch().index(db, id, {
					title: 'sprachcafe',
					summary: 'treff',
					body: tarp.includes(id) ? 'tarp' : 'kropp'
				});
			}
			const paged = sqliteTextSearch(2);

			for (const [token, expected] of [
				['treff', ids],
				['tarp', tarp],
				['husum', []]
			] as const) {
				const all = await sqliteTextSearch().matchingIds(db, token);
				expect(ascending(all)).toEqual(ascending([...expected]));
				expect(await paged.matchingIds(db, token)).toEqual(all);
			}
		} finally {
			await database.close();
		}
	});
});
