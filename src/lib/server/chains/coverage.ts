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
 * municipality against every place with an offer, for every stage.
 */
export class DistanceTable {
	private readonly index = new Map<number, number>();
	private readonly km: Float32Array;

	constructor(private readonly places: readonly (Coordinates & { id: number })[]) {
		places.forEach((place, position) => this.index.set(place.id, position));
		this.km = new Float32Array(places.length * places.length).fill(-1);
	}

	between(fromPlaceId: number, toPlaceId: number): number | undefined {
		const from = this.index.get(fromPlaceId);
		const to = this.index.get(toPlaceId);
		if (from === undefined || to === undefined) return undefined;
		const slot = from * this.places.length + to;
		let value = this.km[slot]!;
		if (value < 0) {
			value = distanceKm(this.places[from]!, this.places[to]!);
			this.km[slot] = value;
			this.km[to * this.places.length + from] = value;
		}
		return value;
	}
}

/** Offers grouped by the place they are held at, with the languages spoken there. */
interface OfferSite {
	placeId: number;
	offerIds: number[];
	languages: Set<string>;
}

function sitesOf(offers: readonly QualifyingOffer[]): {
	sites: OfferSite[];
	online: QualifyingOffer[];
} {
	const byPlace = new Map<number, OfferSite>();
	const online: QualifyingOffer[] = [];
	for (const offer of offers) {
		if (offer.online || offer.placeId === null) {
			online.push(offer);
			continue;
		}
		let site = byPlace.get(offer.placeId);
		if (!site)
			byPlace.set(
				offer.placeId,
				(site = { placeId: offer.placeId, offerIds: [], languages: new Set() })
			);
		site.offerIds.push(offer.id);
		for (const language of offer.languages) site.languages.add(language);
	}
	return { sites: [...byPlace.values()], online };
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
	const { sites, online } = sitesOf(counted);
	const onlineLanguages = new Set(online.flatMap((offer) => offer.languages));
	const cells = new Map<number, Cell>();
	for (const municipality of municipalities) {
		let nearest: Cell['nearest'] = null;
		const languages = new Set<string>();
		for (const site of sites) {
			const km = distances.between(municipality.placeId, site.placeId);
			if (km === undefined) continue;
			if (km <= reach.reachKm) for (const value of site.languages) languages.add(value);
			if (!nearest || km < nearest.distanceKm)
				nearest = { offerId: Math.min(...site.offerIds), distanceKm: km };
		}
		const onlineExists = online.length > 0;
		if (reach.onlineCounts) for (const value of onlineLanguages) languages.add(value);
		const covered =
			(nearest !== null && nearest.distanceKm <= reach.reachKm) ||
			(reach.onlineCounts && onlineExists);
		cells.set(municipality.placeId, {
			nearest,
			onlineExists,
			languages: [...languages].sort(),
			covered
		});
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
