import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { fold } from '../text/fold.js';
import { distanceKm, type Coordinates } from './geo.js';
import { PlaceImportError } from './places.errors.js';
import {
	findPlaceIdsByPostcode,
	listDistricts,
	listPlaces,
	upsertPlace,
	type PlaceRecord
} from './places.repository.js';

export type Place = PlaceRecord;

export interface PlaceImportResult {
	imported: number;
}

type CsvRow = Record<string, string>;

const POSTCODE = /^\d{5}$/;

/**
 * Imports places from a CSV with at least `ags,name,lat,lon` (extra columns allowed: population,
 * amt, postcodes, geonames_id). The district is found by the first five digits of the key.
 * `supplement` is an optional CSV `ags,amt,postcodes` merged in by key. All or nothing.
 */
export async function importPlacesCsv(
	db: Kysely<DB>,
	csv: string,
	supplement?: string
): Promise<PlaceImportResult> {
	const rows = parseCsv(csv, ['ags', 'name', 'lat', 'lon']);
	const extra = new Map(
		(supplement ? parseCsv(supplement, ['ags']) : []).map((row) => [row.row.ags, row.row])
	);
	const districts = new Map((await listDistricts(db)).map((d) => [d.ags, d.id]));

	const prepared = rows.map(({ line, row }) => {
		const merged = { ...extra.get(row.ags ?? ''), ...withoutEmpty(row) };
		const ags = merged.ags ?? '';
		if (!/^\d{8}$/.test(ags))
			throw new PlaceImportError(line, `official key "${ags}" must have 8 digits`);
		const districtId = districts.get(ags.slice(0, 5));
		if (districtId === undefined)
			throw new PlaceImportError(line, `no district with key ${ags.slice(0, 5)} exists`);
		const lat = Number(merged.lat);
		const lon = Number(merged.lon);
		if (!Number.isFinite(lat) || Math.abs(lat) > 90)
			throw new PlaceImportError(line, 'latitude is not a number in −90…90');
		if (!Number.isFinite(lon) || Math.abs(lon) > 180)
			throw new PlaceImportError(line, 'longitude is not a number in −180…180');
		const name = (merged.name ?? '').trim();
		if (!name) throw new PlaceImportError(line, 'name is empty');
		const postcodes = (merged.postcodes ?? '').split(/[\s,;]+/).filter(Boolean);
		const badPostcode = postcodes.find((code) => !POSTCODE.test(code));
		if (badPostcode)
			throw new PlaceImportError(line, `postcode "${badPostcode}" must have 5 digits`);
		const population = merged.population ? Number(merged.population) : null;
		const geonamesId = merged.geonames_id ? Number(merged.geonames_id) : null;
		return {
			place: {
				districtId,
				ags,
				name,
				amt: merged.amt?.trim() || null,
				lat,
				lon,
				population,
				geonamesId
			},
			postcodes
		};
	});

	await db.transaction().execute(async (trx) => {
		for (const { place, postcodes } of prepared) await upsertPlace(trx, place, postcodes);
	});
	placeCache.delete(db);
	return { imported: prepared.length };
}

function parseCsv(csv: string, required: string[]): { line: number; row: CsvRow }[] {
	let records: CsvRow[];
	try {
		records = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true });
	} catch (error) {
		throw new PlaceImportError(0, `not a readable CSV file (${(error as Error).message})`);
	}
	const header = Object.keys(records[0] ?? {});
	const missing = required.filter((column) => !header.includes(column));
	if (records.length > 0 && missing.length > 0)
		throw new PlaceImportError(1, `missing column(s): ${missing.join(', ')}`);
	return records.map((row, index) => ({ line: index + 2, row }));
}

function withoutEmpty(row: CsvRow): CsvRow {
	return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ''));
}

// Places change only by import; searches ask for them on every request.
const placeCache = new WeakMap<Kysely<DB>, Promise<Place[]>>();

export function allPlaces(db: Kysely<DB>): Promise<Place[]> {
	let cached = placeCache.get(db);
	if (!cached) {
		cached = listPlaces(db);
		placeCache.set(db, cached);
		cached.catch(() => placeCache.delete(db));
	}
	return cached;
}

/** Finds a place by postcode or by name (case and diacritics ignored). */
export async function resolvePlace(db: Kysely<DB>, query: string): Promise<Place | undefined> {
	const text = query.trim();
	const places = await allPlaces(db);
	if (POSTCODE.test(text)) {
		const ids = await findPlaceIdsByPostcode(db, text);
		return places.find((place) => ids.includes(place.id));
	}
	const wanted = fold(text);
	return places.find((place) => fold(place.name) === wanted);
}

export interface PlaceDistance {
	place: Place;
	distanceKm: number;
}

/** Places within the radius of an origin, nearest first. */
export async function placesWithin(
	db: Kysely<DB>,
	origin: Coordinates,
	radiusKm: number
): Promise<PlaceDistance[]> {
	return (await allPlaces(db))
		.map((place) => ({ place, distanceKm: distanceKm(origin, place) }))
		.filter((entry) => entry.distanceKm <= radiusKm)
		.sort((a, b) => a.distanceKm - b.distanceKm);
}
