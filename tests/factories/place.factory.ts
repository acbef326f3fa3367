import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import { insertDistrict } from '../../src/lib/server/places/places.repository.js';
import { importPlacesCsv } from '../../src/lib/server/places/places.import.js';

export interface TestPlaces {
	districts: { schleswigFlensburg: number; flensburg: number };
	/** Place id by name. */
	place: (name: string) => Promise<number>;
}

/**
 * The two demo districts with a handful of real places (coordinates from GeoNames). Districts
 * have no service: the product reads them from content/places/ at start (places/reference.ts)
 * with this same repository call; the places go through the importer the product uses.
 */
export async function createDistrictsAndPlaces(db: Kysely<DB>): Promise<TestPlaces> {
	const schleswigFlensburg = await insertDistrict(db, {
		slug: 'schleswig-flensburg',
		name: 'Kreis Schleswig-Flensburg',
		kind: 'kreis',
		ags: '01059'
	});
	const flensburg = await insertDistrict(db, {
		slug: 'flensburg',
		name: 'Flensburg',
		kind: 'kreisfreie_stadt',
		ags: '01001'
	});
	await importPlacesCsv(
		db,
		[
			'ags,name,lat,lon,population,amt,postcodes',
			'01001000,Flensburg,54.78431,9.43961,85838,,24937 24939',
			'01059045,Kappeln,54.66122,9.9313,9677,,24376',
			'01059075,Schleswig,54.52156,9.5586,24114,,24837',
			'01059120,Harrislee,54.8,9.38333,11596,,24955',
			'01059083,Süderbrarup,54.63333,9.78333,3887,Amt Süderbrarup,24392',
			'01059112,Gelting,54.75,9.9,1867,Amt Geltinger Bucht,24395',
			'01059053,Kropp,54.41667,9.51667,6320,Amt Kropp-Stapelholm,24848'
		].join('\n')
	);
	return {
		districts: { schleswigFlensburg, flensburg },
		place: async (name) => {
			const row = await db
				.selectFrom('places')
				.select('id')
				.where('name', '=', name)
				.executeTakeFirstOrThrow();
			return row.id;
		}
	};
}
