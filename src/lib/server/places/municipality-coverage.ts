import type { Db } from '../db/schema.js';
import { distanceKm } from './geo.js';
import { allPlaces } from './places.service.js';

/**
 * How many of a district's municipalities (places grouped by their municipality key) have one of
 * the given places within `radiusKm` of any of their named places, and how many there are.
 */
export async function municipalitiesNear(
	db: Db,
	districtId: number,
	originPlaceIds: readonly number[],
	radiusKm: number
): Promise<{ reached: number; total: number }> {
	const places = await allPlaces(db);
	const origins = places.filter((place) => originPlaceIds.includes(place.id));
	const municipalities = new Map<string, boolean>();
	for (const place of places) {
		if (place.districtId !== districtId) continue;
		const near = origins.some((origin) => distanceKm(origin, place) <= radiusKm);
		municipalities.set(place.ags, (municipalities.get(place.ags) ?? false) || near);
	}
	return {
		reached: [...municipalities.values()].filter(Boolean).length,
		total: municipalities.size
	};
}
