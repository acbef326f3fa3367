import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { analyseText, textLanguageOf } from '../../shared/text/analysis/analyse.js';
import type { TextLanguage } from '../../shared/text/analysis/stem.js';
import {
	findDocumentFrequencies,
	findIndexOffers,
	findIndexTranslations
} from './search.repository.js';
import { searchWorkSignal } from './search-work.js';
import { forEachSliced, sortSliced, TimeSlice } from './time-slice.js';
import {
	postingTable,
	TokenIndexBuilder,
	type PostingTable,
	type TokenTable
} from './token-index.js';

/** What offers are filtered and counted by. */
export type ValueDimension = 'actionFields' | 'languages' | 'targetGroups';
export const VALUE_DIMENSIONS: readonly ValueDimension[] = [
	'actionFields',
	'languages',
	'targetGroups'
];
/** Every list an offer card shows: the filters' and the accessibility features. */
export type RelationDimension = ValueDimension | 'accessibility';
export const RELATION_DIMENSIONS: readonly RelationDimension[] = [
	...VALUE_DIMENSIONS,
	'accessibility'
];

/** Flags of an offer in `IndexParts.flags`. */
export const FLAG = { free: 1, online: 2, germanCourse: 4, noGermanNeeded: 8 } as const;

/**
 * What an offer index is made of, as flat typed arrays and strings: built from the database, or
 * read back from a snapshot file. Positions are the published offers in id order.
 */
export interface IndexParts {
	version: string;
	ids: Int32Array;
	placeId: Int32Array;
	districtId: Int32Array;
	/** `dayNumber` of the last valid day, 0 when the offer has no end. */
	validTo: Int32Array;
	nextDay: Int32Array;
	/** `FLAG` bits per position. */
	flags: Uint8Array;
	byDate: Int32Array;
	byTitle: Int32Array;
	values: Record<RelationDimension, PostingTable>;
	titleTokens: TokenTable;
	summaryTokens: TokenTable;
	/** Every token the full-text engine holds, with the number of offers containing it. */
	vocabulary: { terms: string[]; documents: Int32Array };
}

/** Offers per read: about 20 ms of SQLite's synchronous driver on a quiet machine. */
const CHUNK = 250;

/** A day (`YYYY-MM-DD…`) as a number that sorts as the days do: 20261207; 0 for none. */
export function dayNumber(day: string | null): number {
	return day ? Number(day.slice(0, 4) + day.slice(5, 7) + day.slice(8, 10)) : 0;
}

/**
 * Reads and analyses the published offers in slices, giving the event loop a turn between them,
 * so requests go on (answered from the previous index) while this runs for seconds.
 */
export async function buildIndexParts(db: Kysely<DB>, version: string): Promise<IndexParts> {
	const stop = searchWorkSignal(db);
	const slice = new TimeSlice({ signal: stop });
	// Only what sorting and the typed arrays need is kept per offer; the rows go with their chunk.
	const ids: number[] = [];
	const titles: string[] = [];
	const nextStarts: (string | null)[] = [];
	const columns = {
		placeId: [] as number[],
		districtId: [] as number[],
		validTo: [] as number[],
		nextDay: [] as number[],
		flags: [] as number[]
	};
	const positions = new Map<number, number>();
	const values: Record<RelationDimension, Map<string, number[]>> = {
		actionFields: new Map(),
		languages: new Map(),
		targetGroups: new Map(),
		accessibility: new Map()
	};
	const titleTokens = new TokenIndexBuilder();
	const summaryTokens = new TokenIndexBuilder();
	const addText = (
		index: TokenIndexBuilder,
		position: number,
		text: string,
		language: TextLanguage
	) => {
		for (const { word, tokens } of analyseText(text, language)) {
			index.add(position, tokens);
			index.spell(tokens[0]!, word);
		}
	};
	// German first, then the translations: the first spelling seen of a token is the one offered.
	for (let afterId = 0; ;) {
		stop.throwIfAborted();
		const chunk = await findIndexOffers(db, afterId, CHUNK);
		for (const offer of chunk.offers) {
			const position = ids.length;
			positions.set(offer.id, position);
			ids.push(offer.id);
			titles.push(offer.title);
			nextStarts.push(offer.nextStartsAt);
			columns.placeId.push(offer.placeId ?? 0);
			columns.districtId.push(offer.districtId);
			columns.validTo.push(dayNumber(offer.validTo));
			columns.nextDay.push(dayNumber(offer.nextStartsAt));
			columns.flags.push(
				(offer.costKind === 'free' ? FLAG.free : 0) |
					(offer.locationKind === 'online' ? FLAG.online : 0) |
					(offer.languageLevelExit !== null ? FLAG.germanCourse : 0) |
					(offer.languageLevel === 'none' ? FLAG.noGermanNeeded : 0)
			);
		}
		for (const dimension of RELATION_DIMENSIONS) {
			for (const { offerId, value } of chunk.relations[dimension]) {
				const position = positions.get(offerId);
				if (position === undefined) continue;
				let list = values[dimension].get(value);
				if (!list) values[dimension].set(value, (list = []));
				list.push(position);
			}
		}
		await slice.pause();
		await forEachSliced(chunk.offers, slice, (offer) => {
			const position = positions.get(offer.id)!;
			addText(titleTokens, position, offer.title, 'de');
			addText(summaryTokens, position, offer.summary, 'de');
		});
		if (chunk.lastId === null) break;
		afterId = chunk.lastId;
	}
	const size = ids.length;
	for (let start = 0; start < size; start += CHUNK) {
		stop.throwIfAborted();
		const translations = await findIndexTranslations(db, ids.slice(start, start + CHUNK));
		await forEachSliced(translations, slice, ({ offerId, locale, field, value }) => {
			addText(
				field === 'title' ? titleTokens : summaryTokens,
				positions.get(offerId)!,
				value,
				textLanguageOf(locale)
			);
		});
		await slice.pause();
	}
	const collator = new Intl.Collator('de');
	const all = Int32Array.from(ids.keys());
	const byTitle = await sortSliced(
		all,
		(a, b) => collator.compare(titles[a]!, titles[b]!) || ids[a]! - ids[b]!,
		slice
	);
	// From the title order: the sort is stable, so offers with the same next date stay in it.
	const byDate = await sortSliced(
		byTitle,
		(a, b) => {
			const left = nextStarts[a] as string | null;
			const right = nextStarts[b] as string | null;
			if (left === right) return 0;
			if (left === null) return 1;
			if (right === null) return -1;
			return left < right ? -1 : 1;
		},
		slice
	);
	stop.throwIfAborted();
	const frequencies = await findDocumentFrequencies(db);
	return {
		version,
		ids: Int32Array.from(ids),
		placeId: Int32Array.from(columns.placeId),
		districtId: Int32Array.from(columns.districtId),
		validTo: Int32Array.from(columns.validTo),
		nextDay: Int32Array.from(columns.nextDay),
		flags: Uint8Array.from(columns.flags),
		byDate,
		byTitle,
		values: {
			actionFields: await postingTable(values.actionFields, slice),
			languages: await postingTable(values.languages, slice),
			targetGroups: await postingTable(values.targetGroups, slice),
			accessibility: await postingTable(values.accessibility, slice)
		},
		titleTokens: await titleTokens.toTable(slice),
		summaryTokens: await summaryTokens.toTable(slice),
		vocabulary: {
			terms: frequencies.map((row) => row.term),
			documents: Int32Array.from(frequencies, (row) => row.documents)
		}
	};
}
