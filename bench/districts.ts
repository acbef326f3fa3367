// Synthetic districts for the country-scale bench: the reference data holds one real district
// (Kreis Schleswig-Flensburg, with Flensburg beside it), a country has 401. Each synthetic
// district is a "Kreis" on a grid over Germany's extent with about 25 municipalities copied from
// the real district's (populations and layout, shrunk into the grid cell), under invented names
// that are unique across the country, as real place names mostly are. None of it is real.
import type { Kysely } from 'kysely';
import type { DB } from '../src/lib/server/db/schema.js';

/** Germany's districts and independent cities. */
export const COUNTRY_DISTRICTS = 401;
/** Places of the real district per synthetic one: about 10,800 municipalities over 401 districts. */
const EVERY_NTH_PLACE = 5;
// Germany's extent in degrees, which the grid of districts covers.
const SOUTH = 47.3;
const NORTH = 55.0;
const WEST = 5.9;
const EAST = 15.0;

const ONSETS = ['Ahl', 'Bor', 'Dan', 'Eck', 'Fal', 'Gel', 'Hol', 'Ker', 'Lin', 'Mar', 'Nor', 'Ost'];
const MIDDLES = ['en', 'ing', 'er', 'el', 'an', 'or', 'um', 'ol', 'ers', 'rin'];
const ENDINGS = ['dorf', 'feld', 'hausen', 'stedt', 'büttel', 'hagen', 'heim', 'rode'];
const PREFIXES = ['', 'Groß ', 'Klein ', 'Neu ', 'Alt ', 'Ober ', 'Nieder ', 'Bad ', 'Hohen '];
const LETTERS = ['', 'ha', 'ke', 'lo', 'mu', 'ri', 'sa', 'to', 'wi', 'ze'];
const NAMES = ONSETS.length * MIDDLES.length * ENDINGS.length * PREFIXES.length * LETTERS.length;
// A step coprime to NAMES spreads consecutive places over the syllables.
const NAME_STEP = 7919;

/** The `index`-th invented place name ("Hohen Kerumhausen"); distinct for every index below NAMES. */
export function placeName(index: number): string {
	let rest = (index * NAME_STEP) % NAMES;
	const digit = (choices: string[]) => {
		const chosen = choices[rest % choices.length]!;
		rest = Math.floor(rest / choices.length);
		return chosen;
	};
	const [onset, letters, middle, ending, prefix] = [
		digit(ONSETS),
		digit(LETTERS),
		digit(MIDDLES),
		digit(ENDINGS),
		digit(PREFIXES)
	];
	return `${prefix}${onset}${letters}${middle}${ending}`;
}

export interface TemplatePlace {
	name: string;
	lat: number;
	lon: number;
	population: number | null;
}

export interface SyntheticDistrict {
	ags: string;
	slug: string;
	name: string;
	kind: 'kreis';
	places: { ags: string; name: string; lat: number; lon: number; population: number | null }[];
}

/**
 * `count` districts made from the places of one real district: district n (from 1) gets the key
 * 99nnn (no state has the number 99), every fifth template place (a different fifth for each),
 * moved and shrunk from the real district's extent into the n-th cell of a grid over Germany.
 */
export function syntheticDistricts(count: number, template: TemplatePlace[]): SyntheticDistrict[] {
	const sorted = [...template].sort((a, b) => a.name.localeCompare(b.name, 'de'));
	const lats = sorted.map((place) => place.lat);
	const lons = sorted.map((place) => place.lon);
	const [minLat, minLon] = [Math.min(...lats), Math.min(...lons)];
	const span = (values: number[]) => Math.max(...values) - Math.min(...values) || 1;
	const columns = Math.ceil(Math.sqrt(count));
	const rows = Math.ceil(count / columns);
	const [cellLat, cellLon] = [(NORTH - SOUTH) / rows, (EAST - WEST) / columns];
	const scale = Math.min(cellLat / span(lats), cellLon / span(lons));
	let named = 0;
	return Array.from({ length: count }, (_, offset) => {
		const number = String(offset + 1).padStart(3, '0');
		const ags = `99${number}`;
		const [south, west] = [
			SOUTH + Math.floor(offset / columns) * cellLat,
			WEST + (offset % columns) * cellLon
		];
		const places = sorted
			.filter((_, index) => (index + offset) % EVERY_NTH_PLACE === 0)
			.map((place, index) => ({
				ags: `${ags}${String(index + 1).padStart(3, '0')}`,
				name: placeName(named++),
				lat: round(south + (place.lat - minLat) * scale),
				lon: round(west + (place.lon - minLon) * scale),
				population: place.population
			}));
		return {
			ags,
			slug: `kreis-${number}`,
			name: `Kreis ${number} (synthetisch)`,
			kind: 'kreis',
			places
		};
	});
}

const round = (degrees: number) => Math.round(degrees * 1e5) / 1e5;

/** Inserts the districts and their places, many rows per statement. */
export async function insertSyntheticDistricts(
	db: Kysely<DB>,
	districts: SyntheticDistrict[]
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const ids = await trx
			.insertInto('districts')
			.values(districts.map(({ ags, slug, name, kind }) => ({ ags, slug, name, kind })))
			.returning('id')
			.execute();
		const places = districts.flatMap((district, index) =>
			district.places.map((place) => ({ ...place, districtId: ids[index]!.id, amt: null }))
		);
		for (let start = 0; start < places.length; start += 1000)
			await trx
				.insertInto('places')
				.values(places.slice(start, start + 1000))
				.execute();
	});
}
