import { analyseText } from '../../src/lib/shared/text/analysis/analyse.js';
import { Bitset } from '../../src/lib/server/search/bitset.js';
import { dayNumber } from '../../src/lib/server/search/offer-index-build.js';
import type { OfferIndex } from '../../src/lib/server/search/offer-index.js';
import { TimeSlice } from '../../src/lib/server/search/time-slice.js';
import { TokenIndex, TokenIndexBuilder } from '../../src/lib/server/search/token-index.js';

/** An offer as unit specs describe it: German texts and the attributes a search looks at. */
export interface HandMadeOffer {
	title?: string;
	summary?: string;
	actionFields?: string[];
	targetGroups?: string[];
	/** Languages the offer is available in (`ar`, `tr`, …). */
	languages?: string[];
	accessibility?: string[];
	germanCourse?: boolean;
	free?: boolean;
	placeId?: number;
	/** `YYYY-MM-DDTHH:mm`. */
	nextStartsAt?: string;
	validTo?: string;
}

/**
 * An in-memory offer index built from hand-made offers, analysed as the real index analyses them,
 * so that unit specs of matching and ranking need no database. Positions are the offers' order;
 * ids are positions + 1.
 */
export async function handMadeOfferIndex(offers: HandMadeOffer[]): Promise<OfferIndex> {
	const size = offers.length;
	const setOf = (has: (offer: HandMadeOffer) => boolean | undefined) => {
		const set = new Bitset(size);
		offers.forEach((offer, position) => {
			if (has(offer)) set.add(position);
		});
		return set;
	};
	const valuesOf = (list: (offer: HandMadeOffer) => string[] | undefined) => {
		const values = new Map<string, Bitset>();
		offers.forEach((offer, position) => {
			for (const value of list(offer) ?? []) {
				let set = values.get(value);
				if (!set) values.set(value, (set = new Bitset(size)));
				set.add(position);
			}
		});
		return values;
	};
	const tokensOf = (text: (offer: HandMadeOffer) => string | undefined) =>
		tokenIndexOf(size, (index) =>
			offers.forEach((offer, position) => {
				for (const { word, tokens } of analyseText(text(offer) ?? '', 'de')) {
					index.add(position, tokens);
					index.spell(tokens[0]!, word);
				}
			})
		);
	const positions = Int32Array.from(offers.keys());
	return {
		version: 'hand-made',
		size,
		ids: Int32Array.from(offers.keys(), (position) => position + 1),
		positionOf: (id) => (id >= 1 && id <= size ? id - 1 : undefined),
		placeId: Int32Array.from(offers, (offer) => offer.placeId ?? 0),
		places: new Map(),
		districts: new Map([[1, Bitset.full(size)]]),
		validTo: Int32Array.from(offers, (offer) => dayNumber(offer.validTo ?? null)),
		free: setOf((offer) => offer.free),
		online: new Bitset(size),
		germanCourse: setOf((offer) => offer.germanCourse),
		noGermanNeeded: Bitset.full(size),
		nextDay: Int32Array.from(offers, (offer) => dayNumber(offer.nextStartsAt ?? null)),
		values: {
			actionFields: valuesOf((offer) => offer.actionFields),
			languages: valuesOf((offer) => offer.languages),
			targetGroups: valuesOf((offer) => offer.targetGroups),
			accessibility: valuesOf((offer) => offer.accessibility)
		},
		byDate: positions,
		dateRank: positions,
		byTitle: positions,
		titleTokens: await tokensOf((offer) => offer.title),
		summaryTokens: await tokensOf((offer) => offer.summary),
		fullTextVocabulary: new Map()
	};
}

/** A token index of `size` offers, filled as the real index's build fills it. */
export async function tokenIndexOf(
	size: number,
	fill: (builder: TokenIndexBuilder) => void
): Promise<TokenIndex> {
	const builder = new TokenIndexBuilder();
	fill(builder);
	return TokenIndex.fromTable(size, await builder.toTable(new TimeSlice()));
}
