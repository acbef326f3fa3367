import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';

/** The e2e database's demo district (Kreis Schleswig-Flensburg, the first one loaded). */
export function demoDistrict(db: Kysely<DB>): Promise<{ id: number }> {
	return db.selectFrom('districts').select('id').orderBy('id').executeTakeFirstOrThrow();
}

/** A demo organisation by its name. */
export function demoOrganisation(db: Kysely<DB>, name: string): Promise<{ id: number }> {
	return db
		.selectFrom('organisations')
		.select('id')
		.where('name', '=', name)
		.executeTakeFirstOrThrow();
}
