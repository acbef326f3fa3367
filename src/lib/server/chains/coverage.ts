import { distanceKm, type Coordinates } from '../places/geo.js';

/** Coverage of a stage per municipality: pure functions over places and qualifying offers. */

export interface Municipality extends Coordinates {
	placeId: number;
	ags: string;
	name: string;
	amt: string | null;
	population: number | null;
}

/** A qualifying offer as coverage sees it: where it is held (null: online) and in which languages. */
export interface QualifyingOffer {
	id: number;
	placeId: number | null;
	online: boolean;
	languages: readonly string[];
}

export interface StageReach {
	reachKm: number;
	onlineCounts: boolean;
}

export interface Cell {
	/** The nearest offer held at a place, and how far it is; null when there is none. */
	nearest: { offerId: number; distanceKm: number } | null;
	onlineExists: boolean;
	/** Languages of the offers within reach (and of online ones where online counts). */
	languages: string[];
	/** Within reach, or online where online counts. */
	covered: boolean;
}

/**
 * Distances between places, computed once per list of places: the gap matrix asks for every
 * municipality against every place with an offer, for every stage. A place's distances to all
 * others are worked out together the first time it is asked for, and kept as one typed row.
 */
export class DistanceTable {
	private readonly index = new Map<number, number>();
	private readonly rows: (Float32Array | undefined)[];

	constructor(private readonly places: readonly (Coordinates & { id: number })[]) {
		places.forEach((place, position) => this.index.set(place.id, position));
		this.rows = places.map(() => undefined);
	}

	/** The place's position in the rows, or undefined for a place the list does not hold. */
	positionOf(placeId: number): number | undefined {
		return this.index.get(placeId);
	}

	/** Kilometres from the place at `position` to every place, by position. */
	rowAt(position: number): Float32Array {
		let row = this.rows[position];
		if (!row) {
			const from = this.places[position]!;
			row = Float32Array.from(this.places, (to) => distanceKm(from, to));
			this.rows[position] = row;
		}
		return row;
	}

	between(fromPlaceId: number, toPlaceId: number): number | undefined {
		const from = this.index.get(fromPlaceId);
		const to = this.index.get(toPlaceId);
		return from === undefined || to === undefined ? undefined : this.rowAt(from)[to];
	}
}

/**
 * The places a stage's offers are held at, as positions in the distance table, each with its
 * lowest offer id and the languages spoken there as a bit set (`words` 32-bit words per site).
 */
interface Sites {
	positions: Int32Array;
	offerIds: Int32Array;
	languages: Uint32Array;
	words: number;
	codes: string[];
	online: QualifyingOffer[];
}

function sitesOf(offers: readonly QualifyingOffer[], distances: DistanceTable): Sites {
	const codes = [...new Set(offers.flatMap((offer) => offer.languages))].sort();
	const bit = new Map(codes.map((code, index) => [code, index]));
	const words = Math.max(1, Math.ceil(codes.length / 32));
	const slotOf = new Map<number, number>();
	const positions: number[] = [];
	const offerIds: number[] = [];
	const languages: number[] = [];
	const online: QualifyingOffer[] = [];
	for (const offer of offers) {
		if (offer.online || offer.placeId === null) {
			online.push(offer);
			continue;
		}
		const position = distances.positionOf(offer.placeId);
		if (position === undefined) continue;
		let slot = slotOf.get(position);
		if (slot === undefined) {
			slot = positions.length;
			slotOf.set(position, slot);
			positions.push(position);
			offerIds.push(offer.id);
			for (let word = 0; word < words; word++) languages.push(0);
		} else if (offer.id < offerIds[slot]!) offerIds[slot] = offer.id;
		for (const code of offer.languages) {
			const index = bit.get(code)!;
			languages[slot * words + (index >> 5)]! |= 1 << (index & 31);
		}
	}
	return {
		positions: Int32Array.from(positions),
		offerIds: Int32Array.from(offerIds),
		languages: Uint32Array.from(languages),
		words,
		codes,
		online
	};
}

/**
 * One stage's cells for every municipality. With `language`, only offers delivered in that
 * language count ("where is there no B2 course within 25 km with Arabic support?").
 */
export function stageCoverage(
	municipalities: readonly Municipality[],
	offers: readonly QualifyingOffer[],
	reach: StageReach,
	distances: DistanceTable,
	language: string | null = null
): Map<number, Cell> {
	const counted = language ? offers.filter((offer) => offer.languages.includes(language)) : offers;
	const sites = sitesOf(counted, distances);
	const { positions, words } = sites;
	const onlineExists = sites.online.length > 0;
	const onlineLanguages = new Set(
		reach.onlineCounts ? sites.online.flatMap((offer) => offer.languages) : []
	);
	// Municipalities within reach of the same sites share one list of languages.
	const languageLists = new Map<string, string[]>();
	const reached = new Uint32Array(words);
	const cells = new Map<number, Cell>();
	for (const municipality of municipalities) {
		const from = distances.positionOf(municipality.placeId);
		let nearestSite = -1;
		let nearestKm = Number.POSITIVE_INFINITY;
		reached.fill(0);
		if (from !== undefined) {
			const row = distances.rowAt(from);
			for (let site = 0; site < positions.length; site++) {
				const km = row[positions[site]!]!;
				if (km <= reach.reachKm)
					for (let word = 0; word < words; word++)
						reached[word]! |= sites.languages[site * words + word]!;
				if (km < nearestKm) {
					nearestKm = km;
					nearestSite = site;
				}
			}
		}
		const nearest =
			nearestSite < 0 ? null : { offerId: sites.offerIds[nearestSite]!, distanceKm: nearestKm };
		const key = `${reached.join(',')}`;
		let languages = languageLists.get(key);
		if (!languages) {
			const found = new Set(onlineLanguages);
			sites.codes.forEach((code, index) => {
				if (reached[index >> 5]! & (1 << (index & 31))) found.add(code);
			});
			languages = [...found].sort();
			languageLists.set(key, languages);
		}
		const covered =
			(nearest !== null && nearest.distanceKm <= reach.reachKm) ||
			(reach.onlineCounts && onlineExists);
		cells.set(municipality.placeId, { nearest, onlineExists, languages, covered });
	}
	return cells;
}

/** Municipalities that have a stage covered with all offers and lose it without the given ones. */
export function lostWithout(
	municipalities: readonly Municipality[],
	offers: readonly QualifyingOffer[],
	ending: ReadonlySet<number>,
	reach: StageReach,
	distances: DistanceTable
): Municipality[] {
	const before = stageCoverage(municipalities, offers, reach, distances);
	const after = stageCoverage(
		municipalities,
		offers.filter((offer) => !ending.has(offer.id)),
		reach,
		distances
	);
	return municipalities.filter(
		(municipality) =>
			before.get(municipality.placeId)?.covered && !after.get(municipality.placeId)?.covered
	);
}

/** The headline's figures: municipalities without the stage, and how many people live there. */
export function gapTotals(
	municipalities: readonly Municipality[],
	cells: ReadonlyMap<number, Cell>
): { municipalities: number; inhabitants: number; unknownPopulation: number } {
	let count = 0;
	let inhabitants = 0;
	let unknownPopulation = 0;
	for (const municipality of municipalities) {
		if (cells.get(municipality.placeId)?.covered !== false) continue;
		count += 1;
		if (municipality.population === null) unknownPopulation += 1;
		else inhabitants += municipality.population;
	}
	return { municipalities: count, inhabitants, unknownPopulation };
}

/**
 * How a municipality is served in a stage, best first: an offer in the place itself, one within
 * reach, only online, or a gap. The matrix, the map and the export name the same categories.
 */
export const COVERAGE_CATEGORIES = ['here', 'reach', 'online', 'gap'] as const;
export type CoverageCategory = (typeof COVERAGE_CATEGORIES)[number];

export function coverageCategory(cell: Cell, reachKm: number): CoverageCategory {
	if (cell.nearest && cell.nearest.distanceKm <= reachKm)
		return cell.nearest.distanceKm <= 0 ? 'here' : 'reach';
	return cell.covered ? 'online' : 'gap';
}

/**
 * Rows sorted by Amt as groups, one per Amt in the order they come; the towns without an Amt
 * (amtsfreie Städte und Gemeinden) form a group of their own with `amt` null.
 */
export function groupByAmt<Row extends { municipality: Municipality }>(
	rows: readonly Row[]
): { amt: string | null; rows: Row[] }[] {
	const groups: { amt: string | null; rows: Row[] }[] = [];
	for (const row of rows) {
		const last = groups[groups.length - 1];
		if (last && last.amt === row.municipality.amt) last.rows.push(row);
		else groups.push({ amt: row.municipality.amt, rows: [row] });
	}
	return groups;
}
