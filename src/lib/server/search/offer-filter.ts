import { Bitset } from './bitset.js';
import { VALUE_DIMENSIONS, type ValueDimension } from './offer-index-build.js';
import { validOn, type OfferIndex } from './offer-index.js';
import type { Ranking } from './ranking.js';
import type { TextMatches } from './text-matching.js';

/** Filters already resolved to database terms (text matches, place distances, district id). */
export interface ResolvedFilters {
	/** The offers matching the text query; null when there is no text query. */
	textMatches: TextMatches | null;
	/** Their order by relevance; null when there is no text query. */
	ranking: Ranking | null;
	actionFields: string[];
	languages: string[];
	targetGroups: string[];
	free: boolean;
	online: boolean;
	districtId: number | null;
	/** Place id → distance in km; null when no radius applies. */
	placeDistances: Map<number, number> | null;
	today: string;
}

export type FacetDimension = ValueDimension | 'places';
export type SortOrder = 'relevance' | 'distance' | 'date' | 'title';

/**
 * The index positions of the given offer ids, added to `members` (a new set unless given); ids
 * outside the index are left out.
 */
export function positionsOf(
	index: OfferIndex,
	ids: number[],
	members = new Bitset(index.size)
): Bitset {
	for (const id of ids) {
		const position = index.positionOf(id);
		if (position !== undefined) members.add(position);
	}
	return members;
}

/** Each filter as its own set, computed once per search and combined per facet. */
export interface FilterSets {
	size: number;
	/** Sets every result must be in, whatever facet is counted (validity, text, cost, …). */
	common: Bitset;
	byDimension: Partial<Record<FacetDimension, Bitset>>;
}

/** What bounds the offers a person can get, whatever the words: not facets, which are counted. */
export interface OfferBounds {
	today: string;
	free: boolean;
	online: boolean;
	districtId: number | null;
	/** Only offers that need no German to start with ("für Anfänger"). */
	noGermanNeeded?: boolean;
}

/** The offers still valid today and, where asked, free, online, in the district, for beginners. */
export function availableOffers(index: OfferIndex, bounds: OfferBounds): Bitset {
	let offers = validOn(index, bounds.today);
	if (bounds.free) offers = offers.and(index.free);
	if (bounds.online) offers = offers.and(index.online);
	if (bounds.noGermanNeeded) offers = offers.and(index.noGermanNeeded);
	if (bounds.districtId !== null)
		offers = offers.and(index.districts.get(bounds.districtId) ?? new Bitset(index.size));
	return offers;
}

export function filterSets(index: OfferIndex, filters: ResolvedFilters): FilterSets {
	const { textMatches, placeDistances } = filters;
	let common = availableOffers(index, filters);
	if (textMatches) common = common.and(textMatches.members);
	const byDimension: FilterSets['byDimension'] = {};
	for (const dimension of VALUE_DIMENSIONS) {
		if (filters[dimension].length === 0) continue;
		byDimension[dimension] = offersWithAny(index, dimension, filters[dimension]);
	}
	if (placeDistances) byDimension.places = offersAt(index, placeDistances);
	return { size: index.size, common, byDimension };
}

/** The offers having any of the values in a dimension ("language" or "women" as action field). */
export function offersWithAny(
	index: OfferIndex,
	dimension: ValueDimension,
	values: readonly string[]
): Bitset {
	const set = new Bitset(index.size);
	for (const value of values) {
		const members = index.values[dimension].get(value);
		if (members) set.addAll(members);
	}
	return set;
}

const offersAtPlaces = new WeakMap<Map<number, number>, { index: OfferIndex; set: Bitset }>();

/** The offers at any of the given places (remembered per index for the same map of places). */
export function offersAt(index: OfferIndex, distances: Map<number, number>): Bitset {
	const cached = offersAtPlaces.get(distances);
	if (cached?.index === index) return cached.set;
	const set = new Bitset(index.size);
	for (const placeId of distances.keys()) set.addEach(index.places.get(placeId) ?? []);
	offersAtPlaces.set(distances, { index, set });
	return set;
}

/** Positions of the offers that pass every filter, leaving out one facet's own filter if asked. */
export function matching(sets: FilterSets, except?: FacetDimension): Bitset {
	let result = sets.common;
	for (const [dimension, set] of Object.entries(sets.byDimension) as [FacetDimension, Bitset][]) {
		if (dimension !== except) result = result.and(set);
	}
	return result;
}

function countFacet(index: OfferIndex, sets: FilterSets, dimension: FacetDimension): FacetCount[] {
	const base = matching(sets, dimension);
	if (dimension === 'places') return placeCounts(index, base);
	const counts: FacetCount[] = [];
	index.values[dimension].forEach((members, value) => {
		const count = base.countAnd(members);
		if (count > 0) counts.push({ value, count });
	});
	return counts;
}

/**
 * Results per place, tallied over the results once: a district has hundreds of places, and
 * intersecting each place's set with the results costs more than visiting the results.
 */
function placeCounts(index: OfferIndex, base: Bitset): FacetCount[] {
	// forEach over the map, not spreads of its keys: this runs on every search.
	let largestId = 0;
	index.places.forEach((_, id) => (largestId = Math.max(largestId, id)));
	const counts = new Int32Array(largestId + 1);
	const { placeId } = index;
	// The members' loop written out, not `base.forEach`: a call per result costs 2.5 times as much
	// over the tens of thousands of results a short word finds.
	const { words } = base;
	for (let at = 0; at < words.length; at++) {
		let word = words[at]!;
		while (word !== 0) {
			const lowest = word & -word;
			counts[placeId[(at << 5) + 31 - Math.clz32(lowest)]!]!++;
			word ^= lowest;
		}
	}
	const facets: FacetCount[] = [];
	index.places.forEach((_, id) => {
		if (counts[id]! > 0) facets.push({ value: String(id), count: counts[id]! });
	});
	return facets;
}

export interface FacetCount {
	value: string;
	count: number;
}

/** For each facet, how many results each value would have with the other filters applied. */
export function facetCounts(
	index: OfferIndex,
	sets: FilterSets
): Record<FacetDimension, FacetCount[]> {
	return {
		actionFields: countFacet(index, sets, 'actionFields'),
		languages: countFacet(index, sets, 'languages'),
		targetGroups: countFacet(index, sets, 'targetGroups'),
		places: countFacet(index, sets, 'places')
	};
}

/** One page of offer ids of the matching set in the requested order. */
export function orderedPage(
	index: OfferIndex,
	set: Bitset,
	filters: ResolvedFilters,
	sort: SortOrder,
	offset: number,
	limit: number
): number[] {
	const wanted = offset + limit;
	let positions: number[];
	if (sort === 'relevance' && filters.ranking) {
		positions = bestScored(index, set, filters.ranking, wanted);
	} else if (sort === 'distance' && filters.placeDistances) {
		positions = nearestFirst(index, set, filters.placeDistances, wanted);
	} else {
		positions = firstInOrder(sort === 'title' ? index.byTitle : index.byDate, set, wanted);
	}
	return positions.slice(offset, wanted).map((position) => index.ids[position]!);
}

/** The `wanted` best-scored members (ties by next date), without sorting every match. */
function bestScored(index: OfferIndex, set: Bitset, ranking: Ranking, wanted: number): number[] {
	const better = (a: number, b: number, scoreA: number, scoreB: number) =>
		scoreA > scoreB || (scoreA === scoreB && index.dateRank[a]! < index.dateRank[b]!);
	const best: { position: number; score: number }[] = [];
	set.forEach((position) => {
		const score = ranking.scoreOf(position);
		const last = best[best.length - 1];
		if (best.length >= wanted && last && !better(position, last.position, score, last.score))
			return;
		let at = best.length;
		while (at > 0 && better(position, best[at - 1]!.position, score, best[at - 1]!.score)) at--;
		best.splice(at, 0, { position, score });
		if (best.length > wanted) best.pop();
	});
	return best.map((entry) => entry.position);
}

function firstInOrder(order: Int32Array, set: Bitset, wanted: number): number[] {
	const result: number[] = [];
	for (let rank = 0; rank < order.length && result.length < wanted; rank++)
		if (set.has(order[rank]!)) result.push(order[rank]!);
	return result;
}

/** Nearest places first; within a place, by next date. */
function nearestFirst(
	index: OfferIndex,
	set: Bitset,
	distances: Map<number, number>,
	wanted: number
): number[] {
	const places = [...distances.keys()].sort(
		(a, b) => distances.get(a)! - distances.get(b)! || a - b
	);
	const result: number[] = [];
	for (const placeId of places) {
		// An index loop: a place's positions are a typed array (see `Bitset.addEach`).
		const positions = index.places.get(placeId) ?? [];
		for (let at = 0; at < positions.length; at++) {
			if (!set.has(positions[at]!)) continue;
			result.push(positions[at]!);
			if (result.length >= wanted) return result;
		}
	}
	return result;
}
