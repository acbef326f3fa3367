import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { fold } from '../../shared/text/fold.js';
import { PlaceImportError } from './places.errors.js';
import { listDistricts, listPlacesWithPostcodes, upsertPlace } from './places.repository.js';
import type { NewPlaceRow } from './places.table.js';
import { forgetPlaces, POSTCODE } from './places.service.js';

/** A row the importer left out because it cannot tell where the place is. */
export interface UnplacedRow {
	line: number;
	ags: string;
	name: string;
	reason: string;
}

export interface PlaceImportResult {
	imported: number;
	unplaced: UnplacedRow[];
}

type CsvRow = Record<string, string>;

/**
 * Imports places from a CSV with at least `ags,name,lat,lon` (used when present: population, amt,
 * postcodes, geonames_id; other columns are ignored). A place is matched by its district and name,
 * so importing a list again changes nothing, and a list of municipalities (one row per key) and a
 * list of larger places within them load side by side. The district is the key's first five
 * digits; a row of an unknown district or without a point is reported in `unplaced`, never guessed.
 * `supplement` (`ags,name,amt,postcodes`) corrects the list: a row without name applies to every
 * place of the key, a row with a name to that place only; its values win over the list's.
 * Invalid data aborts the whole import.
 */
export async function importPlacesCsv(
	db: Kysely<DB>,
	csv: string,
	supplement?: string
): Promise<PlaceImportResult> {
	return importPlaceLists(db, [csv], supplement);
}

interface PreparedPlace {
	place: NewPlaceRow;
	postcodes: string[];
}

/**
 * Imports several lists as `importPlacesCsv` imports one, in one pass: where two lists name the
 * same place, the later list's row is the one written. Imported one after the other, two lists
 * that disagree about a place (Glücksburg's population) would each write their version again at
 * every start.
 */
export async function importPlaceLists(
	db: Kysely<DB>,
	lists: string[],
	supplement?: string
): Promise<PlaceImportResult> {
	const corrections = supplementLookup(supplement);
	const districts = new Map((await listDistricts(db)).map((d) => [d.ags, d.id]));
	const unplaced: UnplacedRow[] = [];
	const prepared = new Map<string, PreparedPlace>();
	for (const csv of lists)
		for (const { place, postcodes } of prepareList(csv, corrections, districts, unplaced)) {
			const key = `${place.districtId} ${place.name}`;
			// As when written one after the other: a row without postcodes keeps those known.
			const known = prepared.get(key)?.postcodes ?? [];
			prepared.set(key, { place, postcodes: postcodes.length ? postcodes : known });
		}

	// Reference lists load at every start: write only what differs from the database.
	const stored = new Map(
		(await listPlacesWithPostcodes(db)).map((place) => [`${place.districtId} ${place.name}`, place])
	);
	const changed = [...prepared].filter(([key, row]) => !isUnchanged(stored.get(key), row));
	if (changed.length > 0) {
		await db.transaction().execute(async (trx) => {
			for (const [, { place, postcodes }] of changed) await upsertPlace(trx, place, postcodes);
		});
		forgetPlaces(db);
	}
	return { imported: prepared.size, unplaced };
}

/** The list's rows as places of known districts; rows that cannot be placed go to `unplaced`. */
function prepareList(
	csv: string,
	corrections: (ags: string, name: string) => CsvRow,
	districts: Map<string, number>,
	unplaced: UnplacedRow[]
): PreparedPlace[] {
	const prepared: PreparedPlace[] = [];
	for (const { line, row } of parseCsv(csv, ['ags', 'name', 'lat', 'lon'])) {
		const merged = { ...withoutEmpty(row), ...corrections(row.ags ?? '', row.name ?? '') };
		const ags = merged.ags ?? '';
		const name = (merged.name ?? '').trim();
		if (!/^\d{8}$/.test(ags))
			throw new PlaceImportError(line, `official key "${ags}" must have 8 digits`);
		if (!name) throw new PlaceImportError(line, 'name is empty');
		const districtId = districts.get(ags.slice(0, 5));
		if (districtId === undefined) {
			unplaced.push({ line, ags, name, reason: `no district with key ${ags.slice(0, 5)}` });
			continue;
		}
		if (merged.lat === undefined && merged.lon === undefined) {
			unplaced.push({ line, ags, name, reason: 'no coordinates' });
			continue;
		}
		const lat = Number(merged.lat);
		const lon = Number(merged.lon);
		if (!Number.isFinite(lat) || Math.abs(lat) > 90)
			throw new PlaceImportError(line, 'latitude is not a number in −90…90');
		if (!Number.isFinite(lon) || Math.abs(lon) > 180)
			throw new PlaceImportError(line, 'longitude is not a number in −180…180');
		const postcodes = (merged.postcodes ?? '').split(/[\s,;]+/).filter(Boolean);
		const badPostcode = postcodes.find((code) => !POSTCODE.test(code));
		if (badPostcode)
			throw new PlaceImportError(line, `postcode "${badPostcode}" must have 5 digits`);
		prepared.push({
			place: {
				districtId,
				ags,
				name,
				amt: merged.amt?.trim() || null,
				lat,
				lon,
				population: merged.population ? Number(merged.population) : null,
				geonamesId: merged.geonames_id ? Number(merged.geonames_id) : null
			},
			postcodes
		});
	}
	return prepared;
}

function isUnchanged(
	stored: Awaited<ReturnType<typeof listPlacesWithPostcodes>>[number] | undefined,
	{ place, postcodes }: PreparedPlace
): boolean {
	if (!stored) return false;
	// PostgreSQL keeps coordinates as `real`, about six significant digits.
	const near = (a: number, b: number) => Math.abs(a - b) < 1e-4;
	const sameNumber = (a: number | null, b: number | null | undefined) =>
		a === null || b === null || b === undefined ? a === (b ?? null) : Number(a) === Number(b);
	return (
		stored.ags === place.ags &&
		stored.amt === place.amt &&
		near(stored.lat, place.lat) &&
		near(stored.lon, place.lon) &&
		sameNumber(stored.population, place.population) &&
		sameNumber(stored.geonamesId, place.geonamesId) &&
		(postcodes.length === 0 || [...postcodes].sort().join() === stored.postcodes.join())
	);
}

/** The supplement's values for a list row: those of its key, then those of its key and name. */
function supplementLookup(supplement: string | undefined): (ags: string, name: string) => CsvRow {
	const byKey = new Map<string, CsvRow>();
	const byName = new Map<string, CsvRow>();
	for (const { row } of supplement ? parseCsv(supplement, ['ags']) : []) {
		const { ags = '', name = '', ...values } = withoutEmpty(row);
		if (name) byName.set(`${ags} ${fold(name)}`, values);
		else byKey.set(ags, values);
	}
	return (ags, name) => ({ ...byKey.get(ags), ...byName.get(`${ags} ${fold(name.trim())}`) });
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
