import { describe, expect, it } from 'vitest';
import { handMadeOfferIndex, type HandMadeOffer } from '../../../../tests/support/offer-index.js';
import type { Locale } from '../../i18n/locales.js';
import { fold } from '../../shared/text/fold.js';
import { Bitset } from './bitset.js';
import { MemberScores } from './member-scores.js';
import { wordAlternatives, type MatchGroup } from './query-plan.js';
import { rankMatches, type RankingContext } from './ranking.js';
import { matchGroups, type TextMatches } from './text-matching.js';

const TODAY = '2026-12-06';

function context(overrides: Partial<RankingContext> = {}): RankingContext {
	return { locale: 'de', placeDistances: null, today: TODAY, ...overrides };
}

/** Every offer a text match of the same score. */
function equalMatches(size: number, score = 2): TextMatches {
	const members = Bitset.full(size);
	const scores = new MemberScores(members);
	members.forEach((position) => scores.set(position, score));
	return {
		members,
		scores,
		moreMatches: 0,
		droppedWords: []
	};
}

/** The lift and the reasons of a single offer matched with text score 2. */
async function lift(offer: HandMadeOffer, overrides: Partial<RankingContext> = {}) {
	const ranking = rankMatches(
		await handMadeOfferIndex([offer]),
		equalMatches(1),
		context(overrides)
	);
	return { lift: ranking.scoreOf(0) - 2, reasons: ranking.reasonsOf(0) };
}

const nearby = (km: number) => ({ placeDistances: new Map([[7, km]]) });

describe('rankMatches', () => {
	it('lifts an offer in the person’s language, and says so', async () => {
		const arabic = { languages: ['ar'] };
		expect((await lift(arabic, { locale: 'ar' })).lift).toBeCloseTo(0.4);
		expect((await lift(arabic, { locale: 'ar' })).reasons).toEqual(['inYourLanguage']);
		expect(await lift(arabic, { locale: 'tr' })).toEqual({ lift: 0, reasons: [] });
		// German is every offer's language: no lift on German pages, Leichte Sprache included.
		for (const locale of ['de', 'de-x-easy'] as Locale[])
			expect(await lift({ languages: ['de'] }, { locale })).toEqual({ lift: 0, reasons: [] });
	});

	it('lifts an offer near the place searched, and says so within 10 km', async () => {
		const offer = { placeId: 7 };
		expect((await lift(offer, nearby(5))).lift).toBeCloseTo(0.3);
		expect((await lift(offer, nearby(5))).reasons).toEqual(['near']);
		expect((await lift(offer, nearby(10))).reasons).toEqual(['near']);
		expect((await lift(offer, nearby(20))).lift).toBeCloseTo(0.15);
		expect((await lift(offer, nearby(20))).reasons).toEqual([]);
		expect(await lift(offer, nearby(30))).toEqual({ lift: 0, reasons: [] });
		expect(await lift(offer)).toEqual({ lift: 0, reasons: [] });
	});

	it('lifts an offer with a date within two weeks, and says so within one', async () => {
		expect((await lift({ nextStartsAt: '2026-12-09T18:00' })).lift).toBeCloseTo(0.15);
		expect((await lift({ nextStartsAt: '2026-12-09T18:00' })).reasons).toEqual(['soon']);
		expect((await lift({ nextStartsAt: '2026-12-13T09:00' })).reasons).toEqual(['soon']);
		expect((await lift({ nextStartsAt: '2026-12-16T09:00' })).lift).toBeCloseTo(0.15);
		expect((await lift({ nextStartsAt: '2026-12-16T09:00' })).reasons).toEqual([]);
		expect(await lift({ nextStartsAt: '2027-01-20T09:00' })).toEqual({ lift: 0, reasons: [] });
	});

	it('lifts a free offer, and says so', async () => {
		expect((await lift({ free: true })).lift).toBeCloseTo(0.1);
		expect((await lift({ free: true })).reasons).toEqual(['free']);
	});

	it('adds the lifts up and names every reason', async () => {
		const offer = { languages: ['uk'], placeId: 7, nextStartsAt: '2026-12-07T10:00', free: true };
		const { lift: total, reasons } = await lift(offer, { locale: 'uk', ...nearby(2) });
		expect(total).toBeCloseTo(0.4 + 0.3 + 0.15 + 0.1);
		expect(reasons).toEqual(['inYourLanguage', 'near', 'soon', 'free']);
	});

	it('scores text matches only', async () => {
		const index = await handMadeOfferIndex([{ free: true }, { free: true }]);
		const text = equalMatches(2);
		text.members = new Bitset(2);
		text.members.add(1);
		const ranking = rankMatches(index, text, context());
		expect(ranking.scoreOf(0)).toBe(0);
		expect(ranking.scoreOf(1)).toBeCloseTo(2.1);
	});
});

describe('lifts against text relevance', () => {
	const everyLift: HandMadeOffer = {
		languages: ['ar'],
		placeId: 7,
		nextStartsAt: '2026-12-07T10:00',
		free: true
	};
	const word = (typed: string): MatchGroup => ({
		alternatives: wordAlternatives(fold(typed), ['de', 'en']),
		typedWords: [],
		concept: null,
		shown: typed
	});

	/** The ranked scores of the offers for a query's words, the first offer lifted in every way. */
	async function ranked(offers: HandMadeOffer[], words: string[]) {
		const index = await handMadeOfferIndex(offers);
		const text = await matchGroups(
			index,
			words.map(word),
			async () => new Bitset(offers.length),
			Bitset.full(offers.length)
		);
		const ranking = rankMatches(index, text, context({ locale: 'ar', ...nearby(1) }));
		return offers.map((_, position) => ranking.scoreOf(position));
	}

	it('never lifts a summary match above a title match', async () => {
		const scores = await ranked(
			[
				{ ...everyLift, title: 'Treffpunkt', summary: 'Deutschkurs für alle' },
				{ title: 'Deutschkurs' }
			],
			['Deutschkurs']
		);
		expect(scores[1]).toBeGreaterThan(scores[0]!);
	});

	it('never lifts an offer above one that matches one more word of the query in its title', async () => {
		// Two words: the text step between the offers is half of a one-word query's.
		const scores = await ranked(
			[
				{ ...everyLift, title: 'Deutschkurs', summary: 'für Frauen' },
				{ title: 'Deutschkurs für Frauen' }
			],
			['Deutschkurs', 'Frauen']
		);
		expect(scores[1]).toBeGreaterThan(scores[0]!);
	});
});
