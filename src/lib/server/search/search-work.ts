import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

const controllers = new WeakMap<Kysely<DB>, AbortController>();

function controllerOf(db: Kysely<DB>): AbortController {
	let controller = controllers.get(db);
	if (!controller) controllers.set(db, (controller = new AbortController()));
	return controller;
}

/**
 * Aborted once the search's work beside the requests on this database (index builds, frequent
 * sets) is to end: that work checks it before each query and at each turn it gives the event loop.
 */
export function searchWorkSignal(db: Kysely<DB>): AbortSignal {
	return controllerOf(db).signal;
}

/**
 * Ends the search's work beside the requests before the database closes (at shutdown): it stops at
 * its next step, and what fails after this is not reported, instead of querying a closed database
 * and logging each failure as an error.
 */
export function stopSearchWork(db: Kysely<DB>): void {
	controllerOf(db).abort();
}
