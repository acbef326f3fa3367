import { expect, it } from 'vitest';
import { textSearchFor } from '../../src/lib/server/db/text-search.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';

describeEachDialect('full-text entries', ({ database }) => {
	it('inserted many at once are found as entries indexed one by one', async () => {
		const db = database().db;
		const search = textSearchFor(db);
		const { districts } = await createDistrictsAndPlaces(db);
		const organisationId = await createOrganisation(db, {
			districtId: districts.schleswigFlensburg
		});
		const [first, second, third] = [
			await createOffer(db, { organisationId }),
			await createOffer(db, { organisationId }),
			await createOffer(db, { organisationId })
		];
		for (const id of [first!, second!, third!]) await search.remove(db, id);
		await search.insertMany(db, [
			{ offerId: first!, document: { title: 'sprachcafe', summary: 'treff', body: 'tarp' } },
			{ offerId: second!, document: { title: 'deutschkurs', summary: 'treff', body: 'kropp' } }
		]);
		await search.index(db, third!, { title: 'beratung', summary: 'treff', body: 'tarp' });

		expect((await search.matchingIds(db, ['treff'])).sort()).toEqual([first, second, third].sort());
		expect(await search.matchingIds(db, ['tarp', 'sprachcafe'])).toEqual([first]);
		expect(await search.matchingIds(db, ['kropp'])).toEqual([second]);
	});
});
