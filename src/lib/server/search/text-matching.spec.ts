import { describe, expect, it } from 'vitest';
import {
	handMadeOfferIndex,
	tokenIndexOf,
	type HandMadeOffer
} from '../../../../tests/support/offer-index.js';
import { textTokens } from '../../shared/text/analysis/analyse.js';
import { fold } from '../../shared/text/fold.js';
import { Bitset } from './bitset.js';
import { wordAlternatives, type MatchGroup, type TokenSet } from './query-plan.js';
import type { SearchConcept } from './thesaurus/concept.js';
import { matchGroups } from './text-matching.js';

/** An offer with a description, which only the full-text engine reads. */
type Offer = HandMadeOffer & { description?: string };

/** Matches the groups against the offers, the full-text engine reading every field. */
async function match(
	offers: Offer[],
	groups: MatchGroup[],
	valid?: Bitset,
	wider = false,
	preferred: TokenSet[][] = [],
	forProfessionals = false
) {
	const index = await handMadeOfferIndex(offers);
	const fullText = await tokenIndexOf(offers.length, (builder) =>
		offers.forEach((offer, position) =>
			builder.add(
				position,
				[offer.title, offer.summary, offer.description].flatMap((text) =>
					textTokens(text ?? '', 'de')
				)
			)
		)
	);
	const text = await matchGroups(
		index,
		groups,
		async (token) => fullText.match(token),
		valid ?? Bitset.full(offers.length),
		{ wider, preferred, forProfessionals }
	);
	const scores = Object.fromEntries(
		text.members.positions().map((position) => [position, text.scores.of(position)])
	);
	return {
		members: text.members.positions(),
		scores,
		droppedWords: text.droppedWords,
		moreMatches: text.moreMatches
	};
}

/** A plain word as the query plan makes it. */
function word(typed: string): MatchGroup {
	return {
		alternatives: wordAlternatives(fold(typed), ['de', 'en']),
		typedWords: [],
		concept: null,
		shown: typed
	};
}

function need(concept: SearchConcept, alternatives: TokenSet[], shown: string): MatchGroup {
	return { alternatives, typedWords: [], concept, shown };
}

/** A concept named by its German label, meaning nothing but what `meaning` says. */
const concept = (key: string, label: string, meaning: Partial<SearchConcept>): SearchConcept => ({
	key,
	labels: { de: label },
	phrases: { de: [label] },
	actionFields: [],
	targetGroups: [],
	germanCourse: false,
	terms: [label],
	broader: null,
	...meaning
});

const germanCourse = concept('german-course', 'Deutschkurs', {
	actionFields: ['sprache'],
	germanCourse: true
});
const germanCourseTerms = wordAlternatives('deutschkurs', ['de']);
const women = concept('women', 'Frauen', { targetGroups: ['frauen'] });

describe('matchGroups', () => {
	it('scores a need by where it stands: title 3, summary 2, elsewhere 1; all in titles first', async () => {
		const offers = [
			{ title: 'Deutschkurs am Abend' },
			{ title: 'Abendangebot', summary: 'Ein Deutschkurs für alle' },
			{ title: 'Treffpunkt', description: 'Hier gibt es auch einen Deutschkurs.' }
		];
		// Every need in the title lifts an offer above all others (3 + 10).
		expect(await match(offers, [word('Deutschkurs')])).toMatchObject({
			members: [0, 1],
			scores: { 0: 13, 1: 2 }
		});
		expect(await match(offers.slice(2), [word('Deutschkurs')])).toMatchObject({
			members: [0],
			scores: { 0: 1 }
		});
	});

	it('gives the strong matches alone when there are any, the weak ones when there are none', async () => {
		const strong = { title: 'Deutsch für Frauen' };
		const weak = { title: 'Café', description: 'Frauen lernen Deutsch' };
		expect((await match([strong, weak], [word('Deutsch'), word('Frauen')])).members).toEqual([0]);
		expect((await match([weak], [word('Deutsch'), word('Frauen')])).members).toEqual([0]);
	});

	it('counts every need strongly met for a strong match, in title or summary', async () => {
		const offers = [
			{ title: 'Deutsch', summary: 'für Frauen' },
			{ title: 'Deutsch', description: 'für Frauen' }
		];
		expect(await match(offers, [word('Deutsch'), word('Frauen')])).toMatchObject({
			members: [0],
			scores: { 0: 5 }
		});
	});

	it('shows an offer meeting a concept by its facets like a title match, ranked a little lower', async () => {
		const offers = [
			{ title: 'A1 am Vormittag', actionFields: ['sprache'], germanCourse: true },
			{ title: 'Sprachcafé', actionFields: ['sprache'] },
			{ title: 'Treff', description: 'mit Deutschkurs' }
		];
		expect(
			await match(offers, [need(germanCourse, germanCourseTerms, 'Deutschkurs')])
		).toMatchObject({ members: [0], scores: { 0: 12.5 } });
	});

	it('shows three to nine offers with every need in their titles alone, the others on request', async () => {
		const offers = [
			...['Deutschkurs A1', 'Deutschkurs A2', 'Deutschkurs B1'].map((title) => ({ title })),
			{ title: 'Treff', summary: 'mit Deutschkurs' }
		];
		expect(await match(offers, [word('Deutschkurs')])).toMatchObject({
			members: [0, 1, 2],
			moreMatches: 1
		});
		expect(await match(offers, [word('Deutschkurs')], undefined, true)).toMatchObject({
			members: [0, 1, 2, 3],
			moreMatches: 0
		});
	});

	it('lets the others follow when the title matches fill a page', async () => {
		const offers = [
			...Array.from({ length: 10 }, (_, level) => ({ title: `Deutschkurs ${level}` })),
			{ title: 'Treff', summary: 'mit Deutschkurs' }
		];
		const found = await match(offers, [word('Deutschkurs')]);
		expect(found.members).toHaveLength(11);
		expect(found.moreMatches).toBe(0);
	});

	it('takes the wider need in a title and the need in the summary as a title match', async () => {
		const housing = wordAlternatives('wohnung', ['de']);
		const flatSearch = concept('flat-search', 'Wohnungssuche', {
			terms: ['Wohnberechtigungsschein'],
			broader: 'housing'
		});
		const offers = [
			...['A', 'B', 'C'].map((name) => ({ title: `Wohnberechtigungsschein ${name}` })),
			{ title: 'Sprechstunde Wohnung', summary: 'Hilfe beim Wohnberechtigungsschein' },
			{ title: 'Treffpunkt', summary: 'Hilfe beim Wohnberechtigungsschein' }
		];
		const group = need(flatSearch, wordAlternatives('wohnberechtigungsschein', ['de']), 'WBS');
		const index = await handMadeOfferIndex(offers);
		const found = await matchGroups(index, [group], async () => new Bitset(5), Bitset.full(5), {
			broaderTerms: (concept) => (concept.broader === 'housing' ? housing : [])
		});
		// Three title matches come alone, and with them the one naming housing in its title.
		expect(found.members.positions()).toEqual([0, 1, 2, 3]);
		expect(found.moreMatches).toBe(1);
		// Those come with the title matches; they do not decide whether those come alone.
		const two = await handMadeOfferIndex([offers[0]!, offers[1]!, offers[3]!, offers[4]!]);
		const wider = await matchGroups(two, [group], async () => new Bitset(4), Bitset.full(4), {
			broaderTerms: () => housing
		});
		expect(wider.members.positions()).toEqual([0, 1, 2, 3]);
	});

	it('lets the wider need in a title and the need in the description join too few title matches', async () => {
		const doctor = concept('doctor', 'Arzt', { broader: 'health' });
		const findDoctors = async (offers: Offer[]) => {
			const fullText = await tokenIndexOf(offers.length, (builder) =>
				offers.forEach((offer, position) =>
					builder.add(position, textTokens(`${offer.title} ${offer.description ?? ''}`, 'de'))
				)
			);
			return matchGroups(
				await handMadeOfferIndex(offers),
				[need(doctor, wordAlternatives('arzt', ['de']), 'Arzt')],
				async (token) => fullText.match(token),
				Bitset.full(offers.length),
				{ broaderTerms: () => wordAlternatives('gesundheit', ['de']) }
			);
		};
		const offers: Offer[] = [
			{ title: 'Arzt A' },
			{ title: 'Arzt B' },
			{ title: 'Arzt C', targetGroups: ['professionals'] },
			{ title: 'Gesundheit Infoabend', description: 'Wann gehe ich zum Arzt?' },
			{ title: 'Treffpunkt', description: 'Arzt' }
		];
		// Two title matches for the public: the health evening describing the way joins them.
		expect((await findDoctors(offers)).members.positions()).toEqual([0, 1, 3]);
		// With three for the public there are enough: it does not.
		const enough = await findDoctors([...offers, { title: 'Arzt D' }]);
		expect(enough.members.positions()).toEqual([0, 1, 5]);
	});

	it('leaves offers for professionals alone out of a need, not out of typed words', async () => {
		const doctor = concept('doctor', 'Arzt', {});
		const offers = [
			{ title: 'Arzt mit Arabisch', targetGroups: ['newcomers'] },
			{ title: 'Dolmetschen beim Arzt', targetGroups: ['professionals'] },
			{ title: 'Arztbesuch begleiten', targetGroups: ['professionals', 'volunteers'] },
			{ title: 'Arzt-Sprechstunde' }
		];
		const aNeed = [need(doctor, wordAlternatives('arzt', ['de']), 'Arzt')];
		expect((await match(offers, aNeed)).members).toEqual([0, 2, 3]);
		expect((await match(offers, [word('Arzt')])).members).toEqual([0, 1, 2, 3]);
		// The person filters for professionals, or the need is theirs: those offers answer it.
		expect((await match(offers, aNeed, undefined, false, [], true)).members).toEqual([0, 1, 2, 3]);
		const forPractices = { ...doctor, targetGroups: ['professionals'] };
		const practiceNeed = [need(forPractices, wordAlternatives('arzt', ['de']), 'Arzt')];
		expect((await match(offers, practiceNeed)).members).toContain(1);
		// Rather those than nothing.
		expect((await match(offers.slice(1, 2), aNeed)).members).toEqual([0]);
	});

	it('drops a word no offer has and names it', async () => {
		const offers = [{ title: 'Deutschkurs' }, { title: 'Schwimmen' }];
		expect(await match(offers, [word('Deutschkurs'), word('Zzyzx')])).toMatchObject({
			members: [0],
			droppedWords: ['Zzyzx']
		});
		expect(await match(offers, [word('Zzyzx')])).toEqual({
			members: [],
			scores: {},
			droppedWords: ['Zzyzx'],
			moreMatches: 0
		});
	});

	it('drops the word whose leaving out keeps the most offers when nothing meets all', async () => {
		const offers = [
			{ title: 'Schwimmen für Frauen' },
			{ title: 'Schwimmen am Abend' },
			{ title: 'Deutsch am Abend' },
			{ title: 'Deutsch für Frauen' },
			{ title: 'Deutsch im Café' },
			{ title: 'Deutsch für Eltern am Abend' }
		];
		expect(await match(offers, [word('Schwimmen'), word('Deutsch')])).toMatchObject({
			members: [2, 3, 4, 5],
			droppedWords: ['Schwimmen']
		});
		// Without "Schwimmen" two offers have Deutsch and Abend, without "Deutsch" only one.
		expect(await match(offers, [word('Deutsch'), word('Schwimmen'), word('Abend')])).toMatchObject({
			members: [2, 5],
			droppedWords: ['Schwimmen']
		});
	});

	it('goes on dropping words until some offers remain', async () => {
		const offers = [
			{ title: 'Deutschkurs' },
			{ title: 'Schwimmen' },
			{ title: 'Schwimmen am Abend' },
			{ title: 'Fahrradwerkstatt' }
		];
		// No two of the words meet in one offer: leaving one out is not enough.
		const found = await match(offers, [word('Deutschkurs'), word('Schwimmen'), word('Fahrrad')]);
		expect(found.members).toEqual([1, 2]);
		expect(found.droppedWords).toHaveLength(2);
		expect(found.droppedWords).not.toContain('Schwimmen');
	});

	it('never drops a need of the thesaurus while a plain word remains', async () => {
		const offers = [
			{ title: 'Deutschkurs' },
			{ title: 'Schwimmen am Abend' },
			{ title: 'Schwimmen am Morgen' },
			{ title: 'Schwimmen im Freibad' }
		];
		const groups = [need(germanCourse, germanCourseTerms, 'Deutschkurs'), word('Schwimmen')];
		expect(await match(offers, groups)).toMatchObject({
			members: [0],
			droppedWords: ['Schwimmen']
		});
	});

	it('drops the need that keeps the most offers when only needs remain', async () => {
		const offers = [
			{ title: 'Deutschkurs' },
			{ title: 'Frauentreff', targetGroups: ['frauen'] },
			{ title: 'Frauenfrühstück', targetGroups: ['frauen'] }
		];
		const groups = [
			need(germanCourse, germanCourseTerms, 'Deutschkurs'),
			need(women, [['frau']], 'Frauen')
		];
		expect(await match(offers, groups)).toMatchObject({
			members: [1, 2],
			droppedWords: ['Deutschkurs']
		});
	});

	it('matches only valid offers', async () => {
		const offers = [{ title: 'Deutschkurs' }, { title: 'Deutschkurs' }];
		const valid = new Bitset(2);
		valid.add(1);
		expect((await match(offers, [word('Deutschkurs')], valid)).members).toEqual([1]);
	});

	it('lifts offers naming a preferred word ("Hilfe") without leaving out the others', async () => {
		const offers: Offer[] = [
			{ title: 'Wohnungssprechstunde', summary: 'Freie Wohnungen' },
			{ title: 'Wohnungslotsen', summary: 'Hilfe bei der Wohnungssuche' },
			{ title: 'Sprachcafé', summary: 'Hilfe beim Deutschlernen' }
		];
		const { members, scores } = await match(offers, [word('Wohnung')], undefined, false, [
			wordAlternatives('hilfe', ['de'])
		]);
		expect(members).toEqual([0, 1]);
		expect(scores[1]! - scores[0]!).toBeCloseTo(0.5);
	});

	it('reads descriptions only when no offer meets every need in a title, summary or facets', async () => {
		const offers: Offer[] = [
			{ title: 'Deutschkurs', summary: 'Für Anfänger' },
			{ title: 'Treff', description: 'mit Fahrrad' }
		];
		const index = await handMadeOfferIndex(offers);
		const asked: string[] = [];
		const anywhere = async (token: string) => {
			asked.push(token);
			const set = new Bitset(offers.length);
			if (token === 'fahrrad') set.add(1);
			return set;
		};
		const strong = await matchGroups(index, [word('Deutschkurs')], anywhere, Bitset.full(2));
		expect(strong.members.positions()).toEqual([0]);
		expect(asked).toEqual([]);
		const weak = await matchGroups(index, [word('Fahrrad')], anywhere, Bitset.full(2));
		expect(weak.members.positions()).toEqual([1]);
		expect(asked).toContain('fahrrad');
	});
});
