import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.js';
import { insertDistrict, listDistricts } from './places.repository.js';
import { importPlacesCsv } from './places.service.js';

const districtSchema = z.object({
	ags: z.string().regex(/^\d{5}$/),
	slug: z.string().regex(/^[a-z0-9-]+$/),
	name: z.string().min(1),
	kind: z.enum(['kreis', 'kreisfreie_stadt'])
});

/** Loads the installation's districts and places from the content folder into an empty database. */
export async function loadReferencePlaces(db: Kysely<DB>, contentDir: string): Promise<boolean> {
	if ((await listDistricts(db)).length > 0) return false;
	const folder = join(contentDir, 'places');
	const districts = z
		.array(districtSchema)
		.parse(
			parse(await readFile(join(folder, 'districts.csv'), 'utf8'), { columns: true, trim: true })
		);
	await db.transaction().execute(async (trx) => {
		for (const district of districts) await insertDistrict(trx, district);
	});
	await importPlacesCsv(
		db,
		await readFile(join(folder, 'places-geonames.csv'), 'utf8'),
		await readFile(join(folder, 'places-supplement.csv'), 'utf8')
	);
	return true;
}
