import type { Kysely, KyselyPlugin } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DB } from '../../src/lib/server/db/schema.js';
import { fullTextTokens } from '../../src/lib/server/search/full-text-tokens.js';
import { freshOfferIndex } from '../../src/lib/server/search/offer-index.js';
import { stopSearchWork } from '../../src/lib/server/search/search-work.js';
import { warmSearch } from '../../src/lib/server/search/search.service.js';
import { logger } from '../../src/lib/shared/log/logger.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { DIALECTS, freshDatabase } from '../support/databases.js';

/** A few offers with different words, so that an index build and the frequent sets query. */
async function someOffers(db: Kysely<DB>) {
	const places = await createDistrictsAndPlaces(db);
	const districtId = places.districts.schleswigFlensburg;
	const organisationId = await createOrganisation(db, { districtId, name: 'Treffpunkt e.V.' });
	for (const title of ['Sprachcafé am Hafen', 'Fahrradwerkstatt', 'Beratung für Familien'])
		await createOffer(db, { organisationId, title });
}

/**
 * The database as the search's work sees it, stopping that work once its first query has answered:
 * the moment a shutdown comes between two of its queries. (Stopped during a query, the query may
 * never settle on PostgreSQL once the pool ends: Kysely and pg leave it pending.)
 */
function stoppingAfterAQuery(db: Kysely<DB>) {
	let stopped: () => void;
	const stop = new Promise<void>((resolve) => (stopped = resolve));
	let answered = false;
	const plugin: KyselyPlugin = {
		transformQuery: ({ node }) => node,
		transformResult: async ({ result }) => {
			if (!answered) {
				answered = true;
				stopSearchWork(watched);
				stopped();
			}
			return result;
		}
	};
	const watched = db.withPlugin(plugin);
	return { db: watched, stopped: stop };
}

// A process shutting down closes its database while the search may still build its index or
// compute its frequent sets: that work must end there, without querying the closed database and
// without reporting errors (an operator's alerting reads them).
describe.each(DIALECTS)('search work at shutdown [%s]', (dialect) => {
	afterEach(() => {
		vi.restoreAllMocks();
	});

	it('ends the warming (an index build) quietly when stopped', async () => {
		const database = await freshDatabase(dialect);
		await someOffers(database.db);
		const errors = vi.spyOn(logger, 'error');
		const search = stoppingAfterAQuery(database.db);
		const warming = warmSearch(search.db);
		await search.stopped;
		await database.close();
		await expect(warming).resolves.toBeUndefined();
		expect(errors).not.toHaveBeenCalled();
	});

	it('computes no frequent set once stopped', async () => {
		const database = await freshDatabase(dialect);
		await someOffers(database.db);
		const index = await freshOfferIndex(database.db);
		const errors = vi.spyOn(logger, 'error');
		// Its queries bypass the plugins that could stop it midway: stopped before it starts, a
		// query of it would meet the closing database.
		stopSearchWork(database.db);
		// Every word counts as frequent here (threshold 1): a query per word, dozens in all.
		const tokens = fullTextTokens(database.db, index, 1);
		await database.close();
		await tokens.ready;
		expect(errors).not.toHaveBeenCalled();
	});
});
