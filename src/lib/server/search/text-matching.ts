import { Bitset } from './bitset.js';
import { MemberScores } from './member-scores.js';
import { offersWithAny } from './offer-filter.js';
import type { OfferIndex } from './offer-index.js';
import type { MatchGroup, TokenSet } from './query-plan.js';
import type { SearchConcept } from './thesaurus/concept.js';
import { TARGET_GROUPS } from '../offers/offers.schema.js';

/**
 * The offers matching a query's text, scored. Per need (group): 3 when it stands in the title or
 * the offer has the concept's facets, 2 in the summary, 1 elsewhere (description, provider, place);
 * offers meeting every need in their titles rank above all others.
 */
export interface TextMatches {
	members: Bitset;
	/** Text score of each member. */
	scores: MemberScores;
	/** Words left out because no offer matched them with the rest. */
	droppedWords: string[];
	/** How many more offers only mention the words, shown when the person asks for them. */
	moreMatches: number;
}

// Which matches a person sees, strongest evidence first. An offer meets a need "in its title" when
// the title (any language) names it or the offer has the need's facets, "strongly" when its summary
// names it, and "weakly" anywhere else (description, provider, place).
/**
 * With this many offers meeting every need in their titles, those alone are shown (the others on
 * request, `wider`)…
 */
const ENOUGH_TITLE_MATCHES = 3;
/** …unless they fill a page: then the strong matches follow them. */
const PAGE_OF_TITLE_MATCHES = 10;
/** Otherwise the strong matches, when there are any; the weak ones only when there are none. */
const ENOUGH_STRONG_MATCHES = 1;
/** Offers meeting every need in their titles rank above all others. */
const TITLE_TIER = 10;
/** An offer naming a preferred word ("Hilfe") ranks above the lifts, below a stronger match. */
const PREFERRED = 0.5;
/** A need met by facets alone counts as much as in a title for showing, a little less for order. */
const FACETS_ONLY = 2.5;

interface GroupMatch {
	group: MatchGroup;
	/** The title names it (any language). */
	titleText: Bitset;
	/** The title names it or the offer has the need's facets. */
	title: Bitset;
	/** As `title`, or the title names the wider need and the summary this one. */
	titleLike: Bitset;
	/** The titles naming the group's wider need (none without one). */
	widerTitles: Bitset | null;
	/** Summary or facets. */
	summary: Bitset;
	/** Anywhere, including the description (title, summary or facets until descriptions are read). */
	anywhere: Bitset;
}

/** The offers having every token of one of the alternatives. */
function anyAlternative(size: number, alternatives: TokenSet[], match: (token: string) => Bitset) {
	const result = new Bitset(size);
	for (const tokens of alternatives) {
		let all: Bitset | null = null;
		for (const token of tokens) all = all ? all.and(match(token)) : match(token);
		if (all) result.addAll(all);
	}
	return result;
}

/** The offers with a concept's facets; null when it names none. */
export function conceptFacets(index: OfferIndex, concept: SearchConcept): Bitset | null {
	let result: Bitset | null = null;
	const narrow = (set: Bitset) => (result = result ? result.and(set) : set);
	if (concept.actionFields.length)
		narrow(offersWithAny(index, 'actionFields', concept.actionFields));
	if (concept.targetGroups.length)
		narrow(offersWithAny(index, 'targetGroups', concept.targetGroups));
	if (concept.germanCourse) narrow(index.germanCourse);
	return result;
}

/** Target groups other than professionals: an offer with one of them is for the public too. */
const PUBLIC_GROUPS = TARGET_GROUPS.filter((group) => group !== 'professionals');

/**
 * Offers that do not answer the needs of the query: a need (a thesaurus concept) is what a
 * newcomer or a helper looks for, so offers for professionals alone (a practice booking
 * interpreters, training for teachers) do not answer it, unless the need or the person's filter is
 * about professionals. Typed words still find them.
 */
function notForTheAudience(
	index: OfferIndex,
	kept: GroupMatch[],
	forProfessionals: boolean
): Bitset | null {
	const needs = kept.flatMap((match) => (match.group.concept ? [match.group.concept] : []));
	if (
		forProfessionals ||
		needs.length === 0 ||
		needs.some((concept) => concept.targetGroups.includes('professionals'))
	)
		return null;
	return offersWithAny(index, 'targetGroups', ['professionals']).without(
		offersWithAny(index, 'targetGroups', PUBLIC_GROUPS)
	);
}

export interface MatchOptions {
	/** Show every offer meeting the needs strongly, not only the title matches. */
	wider?: boolean;
	/** Words that narrow nothing but lift the offers naming them ("Hilfe"): their alternatives. */
	preferred?: TokenSet[][];
	/** The person filters for offers for professionals. */
	forProfessionals?: boolean;
	/** The terms of a concept's wider concept (`SearchConcept.broader`), as token alternatives. */
	broaderTerms?: (concept: SearchConcept) => TokenSet[];
}

/**
 * Matches the groups of a query against the offers (`anywhere` answers a token from the full-text
 * engine), among the offers the search is bounded to (`among`: valid, and free or online where
 * asked). Offers meeting every group strongly come alone when there are enough of them; a group
 * no offer meets together with the others is left out and named.
 */
export async function matchGroups(
	index: OfferIndex,
	groups: MatchGroup[],
	anywhere: (token: string) => Promise<Bitset>,
	among: Bitset,
	options: MatchOptions = {}
): Promise<TextMatches> {
	const { wider = false, preferred = [], forProfessionals = false } = options;
	const broaderTerms = options.broaderTerms ?? (() => []);
	const matches: GroupMatch[] = groups.map((group) => {
		const facets = group.concept ? conceptFacets(index, group.concept) : null;
		// The typed words of a concept count in summaries, not titles: see MatchGroup.typedWords.
		const summary = anyAlternative(
			index.size,
			[...group.alternatives, ...group.typedWords],
			(token) => index.summaryTokens.match(token)
		).or(anyAlternative(index.size, group.typedWords, (token) => index.titleTokens.match(token)));
		const title = anyAlternative(index.size, group.alternatives, (token) =>
			index.titleTokens.match(token)
		);
		const titleOrFacets = facets ? title.or(facets) : title;
		const strong = titleOrFacets.or(summary).and(among);
		// The wider need in the title and this one in the summary: "Sprechstunde Wohnen" saying
		// "Wohnberechtigungsschein" meets a flat search as well as "Wohnungssuche" in a title.
		const widerTitles = group.concept
			? anyAlternative(index.size, broaderTerms(group.concept), (token) =>
					index.titleTokens.match(token)
				).and(among)
			: null;
		return {
			group,
			titleText: title.and(among),
			title: titleOrFacets.and(among),
			titleLike: (widerTitles ? titleOrFacets.or(widerTitles.and(summary)) : titleOrFacets).and(
				among
			),
			widerTitles,
			summary: summary.and(among),
			anywhere: strong
		};
	});
	const droppedWords: string[] = [];
	let kept = matches;
	// Only when no offer meets every need in a title, summary or facets are descriptions read
	// (the full-text engine): what it adds would neither be shown nor change what is.
	if (intersect(index.size, matches, (match) => match.anywhere).count() === 0) {
		for (const match of matches) {
			const alternatives = [...match.group.alternatives, ...match.group.typedWords];
			const found = await lookUp([...new Set(alternatives.flat())], anywhere);
			match.anywhere = anyAlternative(index.size, alternatives, (token) => found.get(token)!)
				.and(among)
				.or(match.anywhere);
		}
		kept = matches.filter((match) => {
			if (match.anywhere.count() > 0) return true;
			droppedWords.push(match.group.shown);
			return false;
		});
	}
	let all = intersect(index.size, kept, (match) => match.anywhere);
	// Nothing has every need: leave out words, each time the one whose absence keeps the most
	// offers (the last typed among equals), never a need while a plain word remains.
	while (kept.length > 1 && all.count() === 0) {
		const droppable = kept.some((match) => !match.group.concept)
			? kept.filter((match) => !match.group.concept)
			: kept;
		let best: { match: GroupMatch; count: number; set: Bitset } | null = null;
		for (const match of droppable) {
			const set = intersect(
				index.size,
				kept.filter((other) => other !== match),
				(other) => other.anywhere
			);
			const count = set.count();
			if (!best || count >= best.count) best = { match, count, set };
		}
		droppedWords.push(best!.match.group.shown);
		kept = kept.filter((match) => match !== best!.match);
		all = best!.set;
	}
	if (kept.length === 0)
		return {
			members: new Bitset(index.size),
			scores: new MemberScores(new Bitset(index.size)),
			droppedWords,
			moreMatches: 0
		};
	const strong = intersect(index.size, kept, (match) => match.title.or(match.summary));
	// Whether title matches come alone is decided on those naming the needs themselves; those
	// naming a wider need in the title and the need in the summary then come with them.
	const titleCount = intersect(index.size, kept, (match) => match.title).count();
	const titlesAlone =
		!wider && titleCount >= ENOUGH_TITLE_MATCHES && titleCount < PAGE_OF_TITLE_MATCHES;
	// Which matches come alone is decided on all of them, for whom they are afterwards: the title
	// matches of "Arzt" name the need, one of them being for practices does not widen it. When
	// only offers for professionals meet the needs, they are shown rather than nothing.
	const elsewhere = notForTheAudience(index, kept, forProfessionals);
	const forAudience = (set: Bitset) => {
		const left = elsewhere ? set.without(elsewhere) : set;
		return left.count() > 0 ? left : set;
	};
	if (titlesAlone) await joinDescribedNeeds(index, kept, anywhere, elsewhere);
	const inTitles = intersect(index.size, kept, (match) => match.titleLike);
	const broad = forAudience(strong.count() >= ENOUGH_STRONG_MATCHES ? strong : all);
	const members = titlesAlone ? forAudience(inTitles) : broad;
	const helping: Bitset[] = [];
	for (const alternatives of preferred) {
		const found = await lookUp([...new Set(alternatives.flat())], anywhere);
		helping.push(anyAlternative(index.size, alternatives, (token) => found.get(token)!));
	}
	const scores = new MemberScores(members);
	// A sum, not a mean: one step of relevance stays 1 whatever the number of needs, above the lifts.
	members.forEach((position) => {
		let score = 0;
		let allInTitles = true;
		for (const match of kept) {
			const inTitle = match.title.has(position);
			allInTitles &&= inTitle;
			score += match.titleText.has(position)
				? 3
				: inTitle
					? FACETS_ONLY
					: match.summary.has(position)
						? 2
						: 1;
		}
		for (const set of helping) if (set.has(position)) score += PREFERRED;
		scores.set(position, score + (allInTitles ? TITLE_TIER : 0));
	});
	return { members, scores, droppedWords, moreMatches: broad.count() - members.count() };
}

/**
 * When the title matches come alone but name a need for too few of the people asking, those naming
 * the wider need in the title and the need in the description join them: the health guides'
 * evenings explain there how to see a doctor.
 */
async function joinDescribedNeeds(
	index: OfferIndex,
	kept: GroupMatch[],
	anywhere: (token: string) => Promise<Bitset>,
	notForThem: Bitset | null
): Promise<void> {
	for (const match of kept) {
		const candidates = match.widerTitles?.without(match.titleLike);
		if (!candidates || candidates.count() === 0) continue;
		const named = notForThem ? match.titleLike.without(notForThem) : match.titleLike;
		if (named.count() >= ENOUGH_TITLE_MATCHES) continue;
		const found = await lookUp([...new Set(match.group.alternatives.flat())], anywhere);
		match.titleLike = match.titleLike.or(
			anyAlternative(index.size, match.group.alternatives, (token) => found.get(token)!).and(
				candidates
			)
		);
	}
}

/** The full-text engine's offers for each token, asked at once: on PostgreSQL each is a round trip. */
async function lookUp(
	tokens: string[],
	anywhere: (token: string) => Promise<Bitset>
): Promise<Map<string, Bitset>> {
	const sets = await Promise.all(tokens.map(anywhere));
	return new Map(tokens.map((token, at) => [token, sets[at]!]));
}

function intersect<T>(size: number, items: T[], set: (item: T) => Bitset): Bitset {
	let result: Bitset | null = null;
	for (const item of items) result = result ? result.and(set(item)) : set(item);
	return result ?? new Bitset(size);
}
