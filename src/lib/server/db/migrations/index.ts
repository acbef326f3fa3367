import type { Migration } from 'kysely';
import * as m0001 from './0001_places_and_offers.js';
import * as m0002 from './0002_accounts.js';

/** Listed by hand so that the built server and the scripts run the same set. */
export const migrations: Record<string, Migration> = {
	'0001_places_and_offers': m0001,
	'0002_accounts': m0002
};
