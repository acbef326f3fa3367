import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { analyseText, textLanguageOf } from '../../shared/text/analysis/analyse.js';
import type { TextLanguage } from '../../shared/text/analysis/stem.js';
import { Bitset } from './bitset.js';
import { TokenIndex } from './token-index.js';
import { findIndexRows, findOffersVersion } from './search.repository.js';

export type ValueDimension = 'actionFields' | 'languages' | 'targetGroups';

/**
 * The published offers' filterable attributes, held in memory per process so that filters and
 * facet counts are bit arithmetic instead of table scans. It is rebuilt when the offers version
 * in the database changes, so several app processes stay consistent.
 */
export interface OfferIndex {
	version: string;
	size: number;
	ids: Int32Array;
	/** The position of an offer id, or undefined when the offer is not in the index. */
	positionOf(id: number): number | undefined;
	placeId: Int32Array;
	/** Per place: its offers, and the same positions ordered by next date. */
	places: Map<number, { members: Bitset; byDate: number[] }>;
	districts: Map<number, Bitset>;
	validTo: (string | null)[];
	free: Bitset;
	online: Bitset;
	/** Courses leading to a German language level. */
	germanCourse: Bitset;
	/** Offers that need no German to start with: where beginners can go. */
	noGermanNeeded: Bitset;
	/** Day of each position's next date as a number (20261207), 0 when none is planned. */
	nextDay: Int32Array;
	values: Record<ValueDimension, Map<string, Bitset>>;
	/** Positions ordered by next date (undated last), then title, then id. */
	byDate: Int32Array;
	/** Rank of each position in `byDate`, to break ties the same way everywhere. */
	dateRank: Int32Array;
	/** Positions ordered by title (German collation), then id. */
	byTitle: Int32Array;
	/** Search tokens of each offer's title and summary in every language. */
	titleTokens: TokenIndex;
	summaryTokens: TokenIndex;
}

const cache = new WeakMap<Kysely<DB>, Promise<OfferIndex>>();
const validity = new WeakMap<OfferIndex, { today: string; set: Bitset }>();

/** The index of the offers; `knownVersion` when the caller has just read the offers version. */
export async function offerIndex(db: Kysely<DB>, knownVersion?: string): Promise<OfferIndex> {
	const version = knownVersion ?? (await findOffersVersion(db));
	const cached = cache.get(db);
	if (cached) {
		const index = await cached;
		if (index.version === version) return index;
	}
	const building = buildIndex(db, version);
	cache.set(db, building);
	building.catch(() => cache.delete(db));
	return building;
}

async function buildIndex(db: Kysely<DB>, version: string): Promise<OfferIndex> {
	const { offers, relations, translations } = await findIndexRows(db);
	const size = offers.length;
	// A dense array beats a Map here: lookups interleave with string scans on hot paths.
	const positions = new Int32Array((offers.at(-1)?.id ?? 0) + 1).fill(-1);
	offers.forEach((offer, position) => (positions[offer.id] = position));
	const positionOf = (id: number) => {
		const position = id >= 0 && id < positions.length ? positions[id]! : -1;
		return position >= 0 ? position : undefined;
	};
	const free = new Bitset(size);
	const online = new Bitset(size);
	const germanCourse = new Bitset(size);
	const noGermanNeeded = new Bitset(size);
	offers.forEach((offer, position) => {
		if (offer.costKind === 'free') free.add(position);
		if (offer.locationKind === 'online') online.add(position);
		if (offer.languageLevelExit !== null) germanCourse.add(position);
		if (offer.languageLevel === 'none') noGermanNeeded.add(position);
	});
	const values: OfferIndex['values'] = {
		actionFields: new Map(),
		languages: new Map(),
		targetGroups: new Map()
	};
	for (const { dimension, offerId, value } of relations) {
		const position = positionOf(offerId);
		if (position === undefined) continue;
		let set = values[dimension].get(value);
		if (!set) values[dimension].set(value, (set = new Bitset(size)));
		set.add(position);
	}
	const titleTokens = new TokenIndex(size);
	const summaryTokens = new TokenIndex(size);
	const addText = (index: TokenIndex, position: number, text: string, language: TextLanguage) => {
		for (const { word, tokens } of analyseText(text, language)) {
			index.add(position, tokens);
			index.spell(tokens[0]!, word);
		}
	};
	offers.forEach((offer, position) => {
		addText(titleTokens, position, offer.title, 'de');
		addText(summaryTokens, position, offer.summary, 'de');
	});
	for (const { offerId, locale, field, value } of translations) {
		const position = positionOf(offerId);
		if (position === undefined) continue;
		addText(
			field === 'title' ? titleTokens : summaryTokens,
			position,
			value,
			textLanguageOf(locale)
		);
	}
	const collator = new Intl.Collator('de');
	const byTitle = Int32Array.from(offers.keys()).sort(
		(a, b) => collator.compare(offers[a]!.title, offers[b]!.title) || offers[a]!.id - offers[b]!.id
	);
	const titleRank = new Int32Array(size);
	byTitle.forEach((position, rank) => (titleRank[position] = rank));
	const byDate = Int32Array.from(offers.keys()).sort((a, b) => {
		const left = offers[a]!.nextStartsAt;
		const right = offers[b]!.nextStartsAt;
		if (left !== right) {
			if (left === null) return 1;
			if (right === null) return -1;
			return left < right ? -1 : 1;
		}
		return titleRank[a]! - titleRank[b]!;
	});
	const dateRank = new Int32Array(size);
	byDate.forEach((position, rank) => (dateRank[position] = rank));
	const places: OfferIndex['places'] = new Map();
	for (const position of byDate) {
		const placeId = offers[position]!.placeId;
		if (placeId === null) continue;
		let place = places.get(placeId);
		if (!place) places.set(placeId, (place = { members: new Bitset(size), byDate: [] }));
		place.members.add(position);
		place.byDate.push(position);
	}
	const districts: OfferIndex['districts'] = new Map();
	offers.forEach((offer, position) => {
		let members = districts.get(offer.districtId);
		if (!members) districts.set(offer.districtId, (members = new Bitset(size)));
		members.add(position);
	});
	return {
		version,
		size,
		ids: Int32Array.from(offers, (offer) => offer.id),
		positionOf,
		placeId: Int32Array.from(offers, (offer) => offer.placeId ?? 0),
		places,
		districts,
		validTo: offers.map((offer) => offer.validTo),
		free,
		online,
		germanCourse,
		noGermanNeeded,
		nextDay: Int32Array.from(offers, (offer) => dayNumber(offer.nextStartsAt)),
		values,
		byDate,
		dateRank,
		byTitle,
		titleTokens,
		summaryTokens
	};
}

/** A day (`YYYY-MM-DD…`) as a number that sorts as the days do: 20261207; 0 for none. */
export function dayNumber(day: string | null): number {
	return day ? Number(day.slice(0, 4) + day.slice(5, 7) + day.slice(8, 10)) : 0;
}

/** Offers still valid on the given day (`YYYY-MM-DD`). */
export function validOn(index: OfferIndex, today: string): Bitset {
	const cached = validity.get(index);
	if (cached?.today === today) return cached.set;
	const set = new Bitset(index.size);
	index.validTo.forEach((validTo, position) => {
		if (validTo === null || validTo >= today) set.add(position);
	});
	validity.set(index, { today, set });
	return set;
}
