import type { Selectable } from 'kysely';
import type { Db } from '../db/schema.js';
import type { DistrictsTable, NewPlaceRow, PlacesTable } from './places.table.js';

export type DistrictRecord = Selectable<DistrictsTable>;
export type PlaceRecord = Omit<Selectable<PlacesTable>, 'geonamesId'>;

export async function listDistricts(db: Db): Promise<DistrictRecord[]> {
	return db
		.selectFrom('districts')
		.select(['id', 'slug', 'name', 'kind', 'ags'])
		.orderBy('id')
		.execute();
}

export async function insertDistrict(
	db: Db,
	district: Omit<DistrictRecord, 'id'>
): Promise<number> {
	const row = await db
		.insertInto('districts')
		.values(district)
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function listPlaces(db: Db): Promise<PlaceRecord[]> {
	return db
		.selectFrom('places')
		.select(['id', 'districtId', 'ags', 'name', 'amt', 'lat', 'lon', 'population'])
		.orderBy('name')
		.execute();
}

/** Every place with its postcodes, as an import compares them with a list. */
export async function listPlacesWithPostcodes(
	db: Db
): Promise<(Selectable<PlacesTable> & { postcodes: string[] })[]> {
	const [places, postcodes] = await Promise.all([
		db
			.selectFrom('places')
			.select(['id', 'districtId', 'ags', 'name', 'amt', 'lat', 'lon', 'population', 'geonamesId'])
			.execute(),
		db.selectFrom('placePostcodes').select(['placeId', 'postcode']).orderBy('postcode').execute()
	]);
	return places.map((place) => ({
		...place,
		postcodes: postcodes.filter((row) => row.placeId === place.id).map((row) => row.postcode)
	}));
}

export async function findPlaceIdsByPostcode(db: Db, postcode: string): Promise<number[]> {
	const rows = await db
		.selectFrom('placePostcodes')
		.select('placeId')
		.where('postcode', '=', postcode)
		.execute();
	return rows.map((row) => row.placeId);
}

export async function listPostcodes(
	db: Db,
	placeIds: number[]
): Promise<{ placeId: number; postcode: string }[]> {
	if (placeIds.length === 0) return [];
	return db
		.selectFrom('placePostcodes')
		.select(['placeId', 'postcode'])
		.where('placeId', 'in', placeIds)
		.orderBy('postcode')
		.execute();
}

/**
 * Inserts or updates by (district, name); returns the place id. Given postcodes replace the
 * place's, so a corrected list also corrects an existing installation; none leaves them as they are.
 */
export async function upsertPlace(
	db: Db,
	place: NewPlaceRow,
	postcodes: string[]
): Promise<number> {
	const existing = await db
		.selectFrom('places')
		.select('id')
		.where('districtId', '=', place.districtId)
		.where('name', '=', place.name)
		.executeTakeFirst();
	let id: number;
	if (existing) {
		await db.updateTable('places').set(place).where('id', '=', existing.id).execute();
		id = existing.id;
	} else {
		id = (await db.insertInto('places').values(place).returning('id').executeTakeFirstOrThrow()).id;
	}
	if (postcodes.length > 0)
		await db
			.deleteFrom('placePostcodes')
			.where('placeId', '=', id)
			.where('postcode', 'not in', postcodes)
			.execute();
	for (const postcode of postcodes) {
		await db
			.insertInto('placePostcodes')
			.values({ placeId: id, postcode })
			.onConflict((oc) => oc.columns(['placeId', 'postcode']).doNothing())
			.execute();
	}
	return id;
}
