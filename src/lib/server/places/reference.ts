import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.js';
import { insertDistrict, listDistricts } from './places.repository.js';
import { importPlaceLists, type UnplacedRow } from './places.import.js';

const districtSchema = z.object({
	ags: z.string().regex(/^\d{5}$/),
	slug: z.string().regex(/^[a-z0-9-]+$/),
	name: z.string().min(1),
	kind: z.enum(['kreis', 'kreisfreie_stadt'])
});

/**
 * The place lists of `content/places/`, loaded in this order: larger named places, then one row
 * per municipality (the fuller list wins where both name the same place), then municipalities
 * both lists miss. `places-supplement.csv` corrects each.
 */
const PLACE_LISTS = ['places-geonames.csv', 'municipalities.csv', 'municipalities-additions.csv'];

/**
 * Loads the installation's districts and places from the content folder. Runs at every start:
 * what exists is matched (districts by key, places by district and name) and brought up to date,
 * so an existing installation gains what a new one gets. Returns the rows it could not place.
 */
export async function loadReferencePlaces(
	db: Kysely<DB>,
	contentDir: string
): Promise<UnplacedRow[]> {
	const folder = join(contentDir, 'places');
	const districts = z
		.array(districtSchema)
		.parse(
			parse(await readFile(join(folder, 'districts.csv'), 'utf8'), { columns: true, trim: true })
		);
	const known = new Set((await listDistricts(db)).map((district) => district.ags));
	await db.transaction().execute(async (trx) => {
		for (const district of districts)
			if (!known.has(district.ags)) await insertDistrict(trx, district);
	});
	const lists = await Promise.all(PLACE_LISTS.map((list) => readFile(join(folder, list), 'utf8')));
	const supplement = await readFile(join(folder, 'places-supplement.csv'), 'utf8');
	return (await importPlaceLists(db, lists, supplement)).unplaced;
}
