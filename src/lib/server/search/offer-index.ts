import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { OfferRelations } from '../offers/offers.schema.js';
import { findOffersVersion, NO_OFFERS_VERSION } from '../offers/offers.service.js';
import { logger } from '../../shared/log/logger.js';
import { Bitset } from './bitset.js';
import {
	buildIndexParts,
	dayNumber,
	FLAG,
	RELATION_DIMENSIONS,
	type IndexParts,
	type RelationDimension
} from './offer-index-build.js';
import { readSnapshot, writeSnapshot } from './index-snapshot.js';
import { searchWorkSignal } from './search-work.js';
import { forEachSliced, TimeSlice } from './time-slice.js';
import { postingsOf, TokenIndex } from './token-index.js';

/**
 * The published offers' filterable attributes, held in memory per process so that filters and
 * facet counts are bit arithmetic instead of table scans. It is rebuilt when the offers version
 * in the database changes, so several app processes stay consistent; while a large one is
 * rebuilt, searches answer from the previous version (see `offerIndex`).
 */
export interface OfferIndex {
	version: string;
	size: number;
	ids: Int32Array;
	/** The position of an offer id, or undefined when the offer is not in the index. */
	positionOf(id: number): number | undefined;
	placeId: Int32Array;
	/**
	 * Per place: its offers' positions, ordered by next date. Positions, not a bitset per place: a
	 * bitset spans every offer, and a country's 10,000 places held 1.3 GB of them at a million.
	 */
	places: Map<number, Int32Array>;
	districts: Map<number, Bitset>;
	/** `dayNumber` of each position's last valid day, 0 when it has no end. */
	validTo: Int32Array;
	free: Bitset;
	online: Bitset;
	/** Courses leading to a German language level. */
	germanCourse: Bitset;
	/** Offers that need no German to start with: where beginners can go. */
	noGermanNeeded: Bitset;
	/** Day of each position's next date as a number (20261207), 0 when none is planned. */
	nextDay: Int32Array;
	/** The offers of each value of a list: the filters' and the cards' (`relationsAt`). */
	values: Record<RelationDimension, Map<string, Bitset>>;
	/** Positions ordered by next date (undated last), then title, then id. */
	byDate: Int32Array;
	/** Rank of each position in `byDate`, to break ties the same way everywhere. */
	dateRank: Int32Array;
	/** Positions ordered by title (German collation), then id. */
	byTitle: Int32Array;
	/** Search tokens of each offer's title and summary in every language. */
	titleTokens: TokenIndex;
	summaryTokens: TokenIndex;
	/** Every token of every field the full-text engine holds, with the number of offers having it. */
	fullTextVocabulary: Map<string, number>;
}

/**
 * Below this many offers a search waits for the new index (a build takes well under a second);
 * from it on, searches answer from the previous index while the new one is built.
 */
const STALE_FROM = 5_000;

interface IndexState {
	current?: OfferIndex;
	building?: { version: string; done: Promise<OfferIndex> };
	/** Where the snapshot of the current index is kept; none: no snapshot. */
	snapshotFile?: string;
	staleFrom: number;
}

const states = new WeakMap<Kysely<DB>, IndexState>();
const validity = new WeakMap<OfferIndex, { today: string; set: Bitset }>();

function stateOf(db: Kysely<DB>): IndexState {
	let state = states.get(db);
	if (!state) states.set(db, (state = { staleFrom: STALE_FROM }));
	return state;
}

/**
 * How this database's index is kept: `snapshotFile` keeps a copy of each built index, so a
 * restart reads it instead of building (only when its offers version is still the database's);
 * `staleFrom` is the size from which searches answer from the previous index during a build.
 */
export function configureOfferIndex(
	db: Kysely<DB>,
	options: { snapshotFile?: string; staleFrom?: number }
): void {
	const state = stateOf(db);
	if (options.snapshotFile !== undefined) state.snapshotFile = options.snapshotFile;
	if (options.staleFrom !== undefined) state.staleFrom = options.staleFrom;
}

/**
 * Where the sets of the index's frequent words are kept (beside its snapshot); none without a
 * snapshot, and none for a database whose offers never changed, as for the snapshot.
 */
export function frequentSetsFile(db: Kysely<DB>, index: OfferIndex): string | undefined {
	const file = stateOf(db).snapshotFile;
	return file && index.version !== NO_OFFERS_VERSION ? `${file}.frequent` : undefined;
}

/**
 * The index of the published offers. When the offers version changed, a new index is built in
 * slices beside the requests; until it is done, searches over a large index get the previous one
 * (a change shows in searches once the build is through, seconds at 100,000 offers);
 * `knownVersion` when the caller has just read the offers version.
 */
export async function offerIndex(db: Kysely<DB>, knownVersion?: string): Promise<OfferIndex> {
	const state = stateOf(db);
	const version = knownVersion ?? (await findOffersVersion(db));
	const current = state.current;
	if (current?.version === version) return current;
	const next = rebuild(db, state, version);
	if (current && current.size >= state.staleFrom) {
		// Failures are logged by `rebuild`; the next search tries again.
		next.catch(() => undefined);
		return current;
	}
	return next;
}

/** The index of the offers as they are now: waits for a build when the offers changed. */
export async function freshOfferIndex(db: Kysely<DB>): Promise<OfferIndex> {
	const state = stateOf(db);
	const version = await findOffersVersion(db);
	const current = state.current;
	return current?.version === version ? current : rebuild(db, state, version);
}

/** The index of `version`, built once however many ask; one build at a time. */
function rebuild(db: Kysely<DB>, state: IndexState, version: string): Promise<OfferIndex> {
	const building = state.building;
	if (building?.version === version) return building.done;
	// The version changed again during a build: the build after it reads the newest offers.
	if (building) return building.done.then(() => freshOfferIndex(db));
	const done = (async () => {
		const saved =
			!state.current && state.snapshotFile ? await readSnapshot(state.snapshotFile, version) : null;
		const parts = saved ?? (await buildIndexParts(db, version));
		const index = await assembleIndex(parts);
		state.current = index;
		// No snapshot of a database whose offers never changed: its version names no content.
		if (!saved && state.snapshotFile && version !== NO_OFFERS_VERSION) {
			const file = state.snapshotFile;
			writeSnapshot(file, parts).catch((error: unknown) =>
				logger.warn({ err: error, file }, 'Writing the search index snapshot failed')
			);
		}
		return index;
	})();
	state.building = { version, done };
	done.then(
		() => undefined,
		(error: unknown) => {
			if (!searchWorkSignal(db).aborted)
				logger.error({ err: error }, 'Building the search index failed');
		}
	);
	void done
		.finally(() => {
			if (state.building?.done === done) state.building = undefined;
		})
		.catch(() => undefined);
	return done;
}

/**
 * The searchable index from its parts: bitsets and lookups, linear in the offers, in steps with a
 * turn of the event loop between (each a few milliseconds at 100,000 offers).
 */
export async function assembleIndex(parts: IndexParts): Promise<OfferIndex> {
	const slice = new TimeSlice();
	const size = parts.ids.length;
	// A dense array beats a Map here: lookups interleave with string scans on hot paths.
	const positions = new Int32Array((parts.ids.at(-1) ?? 0) + 1).fill(-1);
	parts.ids.forEach((id, position) => (positions[id] = position));
	const positionOf = (id: number) => {
		const position = id >= 0 && id < positions.length ? positions[id]! : -1;
		return position >= 0 ? position : undefined;
	};
	const free = new Bitset(size);
	const online = new Bitset(size);
	const germanCourse = new Bitset(size);
	const noGermanNeeded = new Bitset(size);
	parts.flags.forEach((flags, position) => {
		if (flags & FLAG.free) free.add(position);
		if (flags & FLAG.online) online.add(position);
		if (flags & FLAG.germanCourse) germanCourse.add(position);
		if (flags & FLAG.noGermanNeeded) noGermanNeeded.add(position);
	});
	await slice.pause();
	const values = {} as OfferIndex['values'];
	for (const dimension of RELATION_DIMENSIONS) {
		values[dimension] = new Map();
		for (const [value, members] of postingsOf(parts.values[dimension])) {
			const set = new Bitset(size);
			set.addEach(members);
			values[dimension].set(value, set);
			await slice.pause();
		}
	}
	const dateRank = new Int32Array(size);
	parts.byDate.forEach((position, rank) => (dateRank[position] = rank));
	await slice.pause();
	const byPlace = new Map<number, number[]>();
	for (const position of parts.byDate) {
		const placeId = parts.placeId[position]!;
		if (placeId === 0) continue;
		let positions = byPlace.get(placeId);
		if (!positions) byPlace.set(placeId, (positions = []));
		positions.push(position);
	}
	const places: OfferIndex['places'] = new Map();
	byPlace.forEach((positions, placeId) => places.set(placeId, Int32Array.from(positions)));
	await slice.pause();
	const districts: OfferIndex['districts'] = new Map();
	parts.districtId.forEach((districtId, position) => {
		let members = districts.get(districtId);
		if (!members) districts.set(districtId, (members = new Bitset(size)));
		members.add(position);
	});
	await slice.pause();
	const titleTokens = TokenIndex.fromTable(size, parts.titleTokens);
	await slice.pause();
	const summaryTokens = TokenIndex.fromTable(size, parts.summaryTokens);
	await slice.pause();
	const { terms, documents } = parts.vocabulary;
	const fullTextVocabulary = new Map<string, number>();
	await forEachSliced(terms, slice, (term, at) => fullTextVocabulary.set(term, documents[at]!));
	return {
		version: parts.version,
		size,
		ids: parts.ids,
		positionOf,
		placeId: parts.placeId,
		places,
		districts,
		validTo: parts.validTo,
		free,
		online,
		germanCourse,
		noGermanNeeded,
		nextDay: parts.nextDay,
		values,
		byDate: parts.byDate,
		dateRank,
		byTitle: parts.byTitle,
		titleTokens,
		summaryTokens,
		fullTextVocabulary
	};
}

/** Offers still valid on the given day (`YYYY-MM-DD`). */
export function validOn(index: OfferIndex, today: string): Bitset {
	const cached = validity.get(index);
	if (cached?.today === today) return cached.set;
	const set = new Bitset(index.size);
	const day = dayNumber(today);
	index.validTo.forEach((validTo, position) => {
		if (validTo === 0 || validTo >= day) set.add(position);
	});
	validity.set(index, { today, set });
	return set;
}

/**
 * The lists an offer card shows, from the index rather than the database: a page of new offers
 * would otherwise wait for a query over four tables (on PostgreSQL planned anew each time).
 */
export function relationsAt(index: OfferIndex, position: number): OfferRelations {
	const relations: OfferRelations = {
		actionFields: [],
		targetGroups: [],
		languages: [],
		accessibility: []
	};
	for (const dimension of RELATION_DIMENSIONS) {
		const list = relations[dimension];
		index.values[dimension].forEach((members, value) => {
			if (members.has(position)) list.push(value);
		});
		list.sort();
	}
	return relations;
}
