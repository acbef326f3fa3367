import type { Migration } from 'kysely';
import * as m0001 from './0001_places_and_offers.js';

/** Listed by hand so that the built server and the scripts run the same set. */
export const migrations: Record<string, Migration> = {
	'0001_places_and_offers': m0001
};
