import type { Kysely } from 'kysely';
import type { DB, Db } from '../db/schema.js';
import { allowedMistakes, editDistance } from '../../shared/text/edit-distance.js';
import { fold } from '../../shared/text/fold.js';
import { distanceKm, type Coordinates } from './geo.js';
import {
	findPlaceIdsByPostcode,
	listDistricts,
	listPlaces,
	type PlaceRecord
} from './places.repository.js';

// Other contexts list districts, places and postcodes for their forms, exports and filters.
export { listDistricts, listPlaces, listPostcodes } from './places.repository.js';

export type Place = PlaceRecord;

export const POSTCODE = /^\d{5}$/;

// Places change only by import; searches ask for them on every request.
const placeCache = new WeakMap<Kysely<DB>, Promise<Place[]>>();

export function allPlaces(db: Db): Promise<Place[]> {
	let cached = placeCache.get(db);
	if (!cached) {
		cached = listPlaces(db);
		placeCache.set(db, cached);
		cached.catch(() => placeCache.delete(db));
	}
	return cached;
}

const foldedNames = new WeakMap<Place, string>();

/** The place's name folded for comparison ("Hüsby" → "husby"), worked out once per place. */
export function foldedName(place: Place): string {
	let name = foldedNames.get(place);
	if (name === undefined) foldedNames.set(place, (name = fold(place.name)));
	return name;
}

/** Drops the cached places after an import. */
export function forgetPlaces(db: Db): void {
	placeCache.delete(db);
}

/**
 * Finds a place by postcode (the largest of those sharing it) or by name, case ignored. The exact spelling wins over a match with
 * diacritics ignored, because the district has both Husby and Hüsby.
 */
export async function resolvePlace(db: Db, query: string): Promise<Place | undefined> {
	const text = query.trim();
	const places = await allPlaces(db);
	if (POSTCODE.test(text)) {
		// Several small municipalities often share a town's postcode; people mean the town.
		const ids = await findPlaceIdsByPostcode(db, text);
		return largestPlace(places.filter((place) => ids.includes(place.id)));
	}
	const lower = text.toLowerCase();
	const folded = fold(text);
	return (
		places.find((place) => place.name.toLowerCase() === lower) ??
		places.find((place) => foldedName(place) === folded)
	);
}

/** The place a name with a typing mistake or two means ("Flensborg"): the largest such place. */
export function closestPlace(places: Place[], name: string): Place | undefined {
	const wanted = fold(name.trim());
	const mistakes = allowedMistakes(wanted.length);
	if (!mistakes) return undefined;
	return largestPlace(
		places.filter((place) => editDistance(foldedName(place), wanted, mistakes) <= mistakes)
	);
}

/** The place with most inhabitants: what people mean when several places answer. */
export function largestPlace(places: Place[]): Place | undefined {
	return places.reduce<Place | undefined>(
		(largest, place) =>
			!largest || (place.population ?? 0) > (largest.population ?? 0) ? place : largest,
		undefined
	);
}

export async function placeWithinMistakes(db: Db, name: string): Promise<Place | undefined> {
	return closestPlace(await allPlaces(db), name);
}

const MAX_SUGGESTIONS = 3;

/**
 * Known place names closest to a name that matched none: those it begins, then those within a
 * few typing mistakes (at most half its letters), larger places first among equals.
 */
export async function suggestPlaces(db: Db, query: string): Promise<string[]> {
	const wanted = fold(query.trim());
	// A mistyped postcode is no nearer to one postcode than another.
	if (wanted.length < 2 || /^\d+$/.test(wanted)) return [];
	const limit = Math.max(1, Math.floor(wanted.length / 2));
	const ranked = (await allPlaces(db))
		.map((place) => {
			const name = foldedName(place);
			const score = name.startsWith(wanted) ? 0 : editDistance(wanted, name, limit);
			return { name: place.name, population: place.population ?? 0, score };
		})
		.filter((entry) => entry.score <= limit)
		.sort(
			(a, b) =>
				a.score - b.score || b.population - a.population || a.name.localeCompare(b.name, 'de')
		);
	return [...new Set(ranked.map((entry) => entry.name))].slice(0, MAX_SUGGESTIONS);
}

export interface PlaceDistance {
	place: Place;
	distanceKm: number;
}

/** Places within the radius of an origin, nearest first. */
export async function placesWithin(
	db: Db,
	origin: Coordinates,
	radiusKm: number
): Promise<PlaceDistance[]> {
	return (await allPlaces(db))
		.map((place) => ({ place, distanceKm: distanceKm(origin, place) }))
		.filter((entry) => entry.distanceKm <= radiusKm)
		.sort((a, b) => a.distanceKm - b.distanceKm);
}

/** The districts a portal visitor may choose between; none while the portal serves only one. */
export async function districtChoices(db: Kysely<DB>): Promise<{ slug: string; name: string }[]> {
	const districts = await listDistricts(db);
	return districts.length > 1 ? districts.map((d) => ({ slug: d.slug, name: d.name })) : [];
}
