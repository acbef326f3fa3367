import type { Kysely } from 'kysely';
import type { Locale } from '../../i18n/locales.js';
import type { DB } from '../db/schema.js';
import { getPage } from '../pages/pages.service.js';
import { fold } from '../../shared/text/fold.js';
import type { LocalizedText } from '../translations/translations.service.js';
import { RADII_KM, searchParamsOf, type SearchFilters } from './search.schema.js';
import type { OfferKind } from './offer-kind-words.js';
import { isOfferKindPart } from './understanding.js';
import { searchOffers, type SearchResult } from './search.service.js';

/** A filter the help can drop: one of the search's filters, or all of them at once. */
export type RelaxedFilter =
	| 'actionFields'
	| 'languages'
	| 'targetGroups'
	| 'free'
	| 'online'
	| 'beginner'
	| 'district'
	| 'radius'
	| 'near'
	| 'all';

/** The same search with one filter dropped (or the radius widened), and what it finds. */
export interface Relaxation {
	filter: RelaxedFilter;
	/** What the dropped filter held (action fields, language codes, groups, district slug, place). */
	values: string[];
	/** For 'radius': the wider radius searched with. */
	radiusKm: number | null;
	total: number;
	href: string;
}

export interface HelpContact {
	name: string;
	role: LocalizedText;
	phone: string | null;
	email: string | null;
}

/** What the portal offers instead of "nothing found". */
export interface SearchHelp {
	relaxations: Relaxation[];
	/** The action fields with most offers for the words alone, each a link to browse the field. */
	actionFields: { value: string; count: number; href: string }[];
	/** The KITZ contact persons, their role in the visitor's language. */
	contacts: HelpContact[];
	/** The portal's KITZ page; null when the district has none. */
	kitzHref: string | null;
}

const MAX_RELAXATIONS = 5;
const MAX_ACTION_FIELDS = 3;

interface Candidate {
	filter: RelaxedFilter;
	values: string[];
	radiusKm: number | null;
	filters: SearchFilters;
}

/** The search without each active filter in turn, in the order the page lists the filters. */
function singleRelaxations(filters: SearchFilters, result: SearchResult): Candidate[] {
	const candidates: Candidate[] = [];
	const add = (
		filter: RelaxedFilter,
		values: string[],
		change: Partial<SearchFilters>,
		radiusKm: number | null = null
	) => candidates.push({ filter, values, radiusKm, filters: { ...filters, ...change, page: 1 } });
	if (filters.actionFields.length) add('actionFields', filters.actionFields, { actionFields: [] });
	if (filters.languages.length) add('languages', filters.languages, { languages: [] });
	if (filters.targetGroups.length) add('targetGroups', filters.targetGroups, { targetGroups: [] });
	// "kostenlos", "online" in the words filter like the boxes: dropping the filter drops them too.
	for (const kind of ['free', 'online'] as const) {
		const words = wordsAskingFor(result, kind);
		if (words.length)
			add(kind, words, { query: withoutWords(filters.query, words), [kind]: false });
		else if (filters[kind]) add(kind, [], { [kind]: false });
	}
	const forBeginners = wordsAskingFor(result, 'beginner');
	if (forBeginners.length)
		add('beginner', forBeginners, { query: withoutWords(filters.query, forBeginners) });
	const unknownDistrict = result.notices.some(
		(notice) => notice.key === 'search.notice.unknownValue' && notice.params?.name === 'district'
	);
	if (filters.district && !unknownDistrict) add('district', [filters.district], { district: null });
	// An unknown place already searches the whole area (with a notice): dropping it changes nothing.
	if (filters.near && result.near) {
		const wider = RADII_KM.find((radius) => radius > filters.radiusKm);
		if (wider) add('radius', [result.near.place.name], { radiusKm: wider }, wider);
		add('near', [result.near.place.name], { near: null, sort: withoutDistance(filters) });
	}
	return candidates;
}

/** Sorting by distance needs a place; without one the search falls back to its default order. */
const withoutDistance = (filters: SearchFilters) =>
	filters.sort === 'distance' ? null : filters.sort;

/** The query without the given words as typed (those that asked for free or online offers). */
function withoutWords(query: string, words: string[]): string {
	const bare = (token: string) => fold(token.replace(/^\p{P}+|\p{P}+$/gu, ''));
	const dropped = new Set(words.map(bare));
	return query
		.split(/\s+/)
		.filter((token) => token && !dropped.has(bare(token)))
		.join(' ');
}

/** The words of the query asking for a kind of offer (all kinds, or one), as typed. */
const wordsAskingFor = (result: SearchResult, kind?: OfferKind) =>
	(result.understanding?.parts ?? []).flatMap((part) =>
		isOfferKindPart(part) && (!kind || part.kind === kind) ? part.words : []
	);

/** The words alone: every filter dropped (words that filter too), the sort kept where it applies. */
const wordsOnly = (filters: SearchFilters, result: SearchResult): SearchFilters => ({
	query: withoutWords(filters.query, wordsAskingFor(result)),
	actionFields: [],
	languages: [],
	targetGroups: [],
	free: false,
	online: false,
	district: null,
	near: null,
	radiusKm: filters.radiusKm,
	sort: withoutDistance(filters),
	page: 1,
	wider: filters.wider
});

const hrefOf = (filters: Partial<SearchFilters>) => `?${searchParamsOf(filters)}`;

/** The candidates that find something, in order, at most five, then all filters dropped. */
async function findRelaxations(
	db: Kysely<DB>,
	locale: Locale,
	candidates: Candidate[],
	alone: SearchResult
): Promise<Relaxation[]> {
	const activeFilters = new Set(
		candidates.map(({ filter }) => (filter === 'radius' ? 'near' : filter))
	);
	const totalWithout = async (candidate: Candidate) =>
		// Dropping the only filter is the search with the words alone.
		activeFilters.size === 1 && candidate.filter !== 'radius'
			? alone.total
			: (await searchOffers(db, candidate.filters, locale)).total;
	const relaxations: Relaxation[] = [];
	// In order, a batch at a time, only as many as may still be needed.
	let next = 0;
	while (next < candidates.length && relaxations.length < MAX_RELAXATIONS) {
		const batch = candidates.slice(next, next + MAX_RELAXATIONS - relaxations.length);
		next += batch.length;
		const totals = await Promise.all(batch.map(totalWithout));
		batch.forEach(({ filter, values, radiusKm, filters }, index) => {
			const total = totals[index]!;
			if (total > 0) relaxations.push({ filter, values, radiusKm, total, href: hrefOf(filters) });
		});
	}
	if (activeFilters.size >= 2)
		relaxations.push({
			filter: 'all',
			values: [],
			radiusKm: null,
			total: alone.total,
			href: hrefOf(alone.filters)
		});
	return relaxations;
}

/**
 * Help for a search that found nothing (null otherwise): the search without each filter in turn
 * and without all of them, the action fields the words match, and the KITZ contact persons.
 * At most one search per filter plus one for the words alone, fewer when five are found early;
 * when the words alone find nothing, no filter can help and only the contacts are given.
 */
export async function searchHelp(
	db: Kysely<DB>,
	filters: SearchFilters,
	locale: Locale,
	result: SearchResult
): Promise<SearchHelp | null> {
	if (result.total > 0) return null;
	const candidates = singleRelaxations(filters, result);
	// Without a filter that applied, the words alone are the search that found nothing.
	const [page, alone] = await Promise.all([
		getPage(db, 'kitz', locale),
		candidates.length ? searchOffers(db, wordsOnly(filters, result), locale) : null
	]);
	const relaxations =
		alone && alone.total > 0 ? await findRelaxations(db, locale, candidates, alone) : [];
	const actionFields =
		alone && filters.query.trim()
			? [...alone.facets.actionFields]
					.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
					.slice(0, MAX_ACTION_FIELDS)
					.map((facet) => ({ ...facet, href: hrefOf({ actionFields: [facet.value] }) }))
			: [];
	return {
		relaxations,
		actionFields,
		contacts: (page?.contacts ?? []).map((contact) => ({
			name: contact.name,
			role: contact.role,
			phone: contact.phone,
			email: contact.email
		})),
		kitzHref: page ? `/${locale}/kitz` : null
	};
}
