import { expect, it } from 'vitest';
import { openDatabase, pingDatabase } from '../../src/lib/server/db/database.js';
import { pendingMigrations } from '../../src/lib/server/db/migrate.js';
import { migrations } from '../../src/lib/server/db/migrations/index.js';
import { offerIndex } from '../../src/lib/server/search/offer-index.js';
import { findOffersVersion } from '../../src/lib/server/offers/offers.service.js';
import { searchWarmth, warmSearch } from '../../src/lib/server/search/search.service.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';

// What /readyz asks (src/lib/server/http/probes.ts); the probe's answers are in tests/e2e/health.e2e.ts.
describeEachDialect(
	'readiness checks',
	({ database }) => {
		it('find the database reachable and every migration applied', async () => {
			await expect(pingDatabase(database().db)).resolves.toBeUndefined();
			expect(await pendingMigrations(database().db)).toEqual([]);
		});

		it('find search warming until the first index is built, and ready while a change rebuilds it', async () => {
			const db = database().db;
			expect(await searchWarmth(db)).toBe('warming');
			await warmSearch(db);
			expect(await searchWarmth(db)).toBe('warm');

			const places = await createDistrictsAndPlaces(db);
			const organisationId = await createOrganisation(db, {
				districtId: places.districts.schleswigFlensburg,
				name: 'Treffpunkt e.V.'
			});
			await createOffer(db, { organisationId, title: 'Sprachcafé' });
			const version = await findOffersVersion(db);
			expect(await searchWarmth(db)).toBe('warm');
			// searchWarmth started the rebuild itself; a second caller joins it.
			await warmSearch(db);
			expect((await offerIndex(db)).version).toBe(version);
			expect(await searchWarmth(db)).toBe('warm');
		});
	},
	undefined,
	{ isolation: 'test' }
);

it('counts every migration as pending on a database that never ran them', async () => {
	const empty = openDatabase('sqlite::memory:');
	try {
		expect(await pendingMigrations(empty.db)).toEqual(Object.keys(migrations));
	} finally {
		await empty.close();
	}
});
