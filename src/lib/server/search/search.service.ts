import type { Kysely } from 'kysely';
import { SOURCE_LOCALE, type Locale } from '../../i18n/locales.js';
import type { DB } from '../db/schema.js';
import { localizeMany, type LocalizedText } from '../translations/translations.service.js';
import type { OfferRelations } from '../offers/offers.schema.js';
import { findOffersVersion } from '../offers/offers.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { listDistricts } from '../places/places.service.js';
import {
	allPlaces,
	placesWithin,
	placeWithinMistakes,
	resolvePlace,
	suggestPlaces,
	type Place
} from '../places/places.service.js';
import {
	availableOffers,
	facetCounts,
	filterSets,
	matching,
	offersAt,
	orderedPage,
	type FacetCount,
	type FacetDimension,
	type OfferBounds,
	type ResolvedFilters,
	type SortOrder
} from './offer-filter.js';
import { fullTextTokens } from './full-text-tokens.js';
import { searchWorkSignal } from './search-work.js';
import { freshOfferIndex, offerIndex, relationsAt, type OfferIndex } from './offer-index.js';
import { planQuery, wordAlternatives, type QueryPlan, type TokenSet } from './query-plan.js';
import { rankMatches } from './ranking.js';
import { findOfferCards, findSearchVersions } from './search.repository.js';
import { PAGE_SIZE, type SearchFilters, type SearchNotice } from './search.schema.js';
import { matchGroups, type TextMatches } from './text-matching.js';
import { OfferCardCache } from './offer-card-cache.js';
import { TextMatchCache } from './text-match-cache.js';
import { ConceptMatcher, writtenWords } from './thesaurus/concept-matcher.js';
import type { SearchConcept } from './thesaurus/concept.js';
import { thesaurus } from './thesaurus/thesaurus.service.js';
import { offerVocabulary, prepareVocabulary } from './vocabulary.js';
import type { QueryUnderstanding, RankingReason } from './understanding.js';
import { isStopword } from '../../shared/text/analysis/stopwords.js';
import { logger } from '../../shared/log/logger.js';

export interface OfferCard extends OfferRelations {
	id: number;
	slug: string;
	title: LocalizedText;
	summary: LocalizedText;
	organisationName: string;
	placeName: string | null;
	districtName: string;
	online: boolean;
	free: boolean;
	nextStartsAt: string | null;
	byAppointment: boolean;
	distanceKm: number | null;
	/** When the owner last confirmed the offer; the portal flags long-unconfirmed ones. */
	lastVerifiedAt: string;
	/** Why the offer ranks where it does, where that matters to the visitor. */
	reasons: RankingReason[];
}

export interface SearchResult {
	filters: SearchFilters;
	sort: SortOrder;
	total: number;
	page: number;
	pageCount: number;
	items: OfferCard[];
	facets: Record<FacetDimension, FacetCount[]>;
	near: { place: Place; radiusKm: number } | null;
	/** When `near` names no known place: the closest known names to search with instead. */
	placeSuggestions: string[];
	notices: SearchNotice[];
	/** How the text query was read; null without a text query. */
	understanding: QueryUnderstanding | null;
	/** Offers that only mention the words, left out unless `wider` asks for them. */
	moreMatches: number;
}

export async function searchOffers(
	db: Kysely<DB>,
	filters: SearchFilters,
	locale: Locale,
	options: { now?: Date; notices?: SearchNotice[] } = {}
): Promise<SearchResult> {
	const notices = [...(options.notices ?? [])];
	// One index for the whole search: text scores and filter sets address the same positions.
	const basis = await searchBasis(db);
	const { index } = basis;
	const { resolved, near, placeSuggestions, understanding } = await resolveFilters(
		db,
		basis,
		filters,
		locale,
		notices,
		options.now ?? new Date()
	);
	const sort = effectiveSort(
		filters,
		resolved.textMatches !== null,
		resolved.placeDistances !== null
	);
	const sets = filterSets(index, resolved);
	const matches = matching(sets);
	const total = matches.count();
	const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
	let page = filters.page;
	if (page > pageCount) {
		notices.push({ key: 'search.notice.pageOutOfRange', params: { page, last: pageCount } });
		page = pageCount;
	}
	const ids = orderedPage(index, matches, resolved, sort, (page - 1) * PAGE_SIZE, PAGE_SIZE);
	const items = await offerCards(db, basis, ids, locale, resolved.placeDistances);
	if (sort === 'relevance' && resolved.ranking) {
		const ranking = resolved.ranking;
		for (const item of items) item.reasons = ranking.reasonsOf(index.positionOf(item.id)!);
	}
	const facets = facetCounts(index, sets);
	return {
		filters: { ...filters, page },
		sort,
		total,
		page,
		pageCount,
		items,
		facets,
		near,
		placeSuggestions,
		notices,
		understanding,
		moreMatches: resolved.textMatches?.moreMatches ?? 0
	};
}

/** Every offer matching the filters, in the search's order, without paging (for exports). */
export async function matchingOfferIds(
	db: Kysely<DB>,
	filters: SearchFilters,
	options: { now?: Date; notices?: SearchNotice[] } = {}
): Promise<{ ids: number[]; notices: SearchNotice[] }> {
	const notices = [...(options.notices ?? [])];
	const basis = await searchBasis(db);
	const { index } = basis;
	const { resolved } = await resolveFilters(
		db,
		basis,
		filters,
		SOURCE_LOCALE,
		notices,
		options.now ?? new Date()
	);
	const sort = effectiveSort(
		filters,
		resolved.textMatches !== null,
		resolved.placeDistances !== null
	);
	const matches = matching(filterSets(index, resolved));
	return { ids: orderedPage(index, matches, resolved, sort, 0, matches.count()), notices };
}

/** What bounds the offers a query's words are matched among, and whether to show all matches. */
interface QueryScope extends OfferBounds {
	wider: boolean;
	/** The person filters for offers for professionals: needs lead to those too. */
	forProfessionals: boolean;
}

interface ReadQuery {
	plan: QueryPlan;
	text: TextMatches;
}

const readQueries = new WeakMap<Kysely<DB>, TextMatchCache<ReadQuery>>();
const compiled = new WeakMap<SearchConcept[], CompiledThesaurus>();

interface CompiledThesaurus {
	matcher: ConceptMatcher;
	/** A concept's terms as token alternatives. */
	termsOf(concept: SearchConcept): TokenSet[];
	/** The terms of a concept's wider concept; none when it names none (or an unknown one). */
	broaderTermsOf(concept: SearchConcept): TokenSet[];
}

/** A term's words as token alternatives: each word's forms, or all words of a longer term. */
function termAlternatives(term: string): TokenSet[] {
	const termWords = writtenWords(term)
		.map(({ word }) => word)
		.filter((word) => !isStopword(word, 'de'));
	if (termWords.length === 1) return wordAlternatives(termWords[0]!, ['de']);
	return termWords.length ? [termWords.flatMap((word) => wordAlternatives(word, ['de'])[0]!)] : [];
}

/**
 * The thesaurus ready for matching, compiled once per version (read unless given). A concept's
 * terms are analysed when a query first names it: a new process answers its first search sooner.
 */
async function compiledThesaurus(db: Kysely<DB>, version?: string): Promise<CompiledThesaurus> {
	const concepts = await thesaurus(db, version);
	let result = compiled.get(concepts);
	if (!result) {
		const terms = new Map<SearchConcept, TokenSet[]>();
		const termsOf = (concept: SearchConcept) => {
			let alternatives = terms.get(concept);
			if (!alternatives)
				terms.set(concept, (alternatives = concept.terms.flatMap(termAlternatives)));
			return alternatives;
		};
		const byKey = new Map(concepts.map((concept) => [concept.key, concept]));
		result = {
			matcher: new ConceptMatcher(concepts),
			termsOf,
			broaderTermsOf(concept) {
				const broader = concept.broader === null ? undefined : byKey.get(concept.broader);
				return broader ? termsOf(broader) : [];
			}
		};
		compiled.set(concepts, result);
	}
	return result;
}

/** How the query reads and which offers its text matches; cached per index and thesaurus version. */
async function readQuery(
	db: Kysely<DB>,
	{ index, thesaurusAt }: SearchBasis,
	query: string,
	locale: Locale,
	scope: QueryScope
): Promise<ReadQuery> {
	let cache = readQueries.get(db);
	if (!cache) readQueries.set(db, (cache = new TextMatchCache()));
	const { today, wider, free, online, districtId, forProfessionals } = scope;
	const version = `${index.version}\u0000${thesaurusAt}\u0000${today}`;
	const key = [
		locale,
		query,
		String(wider),
		String(free),
		String(online),
		String(districtId),
		String(forProfessionals)
	];
	return cache.get(version, key, async () => {
		const fullText = fullTextTokens(db, index);
		const { matcher, termsOf, broaderTermsOf } = await compiledThesaurus(db, thesaurusAt);
		const plan = planQuery(query, locale, {
			matcher,
			conceptTerms: termsOf,
			vocabulary: offerVocabulary(index, fullText),
			places: await allPlaces(db)
		});
		// Which matches come alone or first is decided among the offers the person can get: a
		// "kostenloser Deutschkurs" shows the free courses, not what is left of all courses.
		const offers = availableOffers(index, {
			today,
			districtId,
			free: free || plan.offerKinds.includes('free'),
			online: online || plan.offerKinds.includes('online'),
			noGermanNeeded: plan.offerKinds.includes('beginner')
		});
		const text = await matchGroups(index, plan.groups, (token) => fullText.match(token), offers, {
			wider,
			preferred: plan.preferred,
			forProfessionals,
			broaderTerms: broaderTermsOf
		});
		return { plan, text };
	});
}

/** Per database: the offers version the last finished warming was for, and a warming under way. */
const warmedVersion = new WeakMap<Kysely<DB>, string>();
const warming = new WeakMap<Kysely<DB>, Promise<void>>();

/**
 * Builds the offer index and reads the search vocabulary, so the first visitors wait for neither.
 * Callers at the same time share one warming.
 */
export function warmSearch(db: Kysely<DB>): Promise<void> {
	let running = warming.get(db);
	if (!running) {
		running = warm(db)
			.catch((error: unknown) => {
				// Stopped for a shutdown: the database is closing, nothing to report.
				if (!searchWorkSignal(db).aborted) throw error;
			})
			.finally(() => warming.delete(db));
		warming.set(db, running);
	}
	return running;
}

async function warm(db: Kysely<DB>): Promise<void> {
	const index = await freshOfferIndex(db);
	prepareVocabulary(index);
	await compiledThesaurus(db);
	// Searches are fast from here on; the frequent sets (seconds at 100,000 offers) make them faster.
	warmedVersion.set(db, index.version);
	await fullTextTokens(db, index).ready;
}

/**
 * Whether searches find a warm index: `warming` only until the first one is built. When the
 * offers changed since, warming starts in the background and searches answer from the index
 * warmed before meanwhile, so a change does not take every process out of a load balancer at once.
 */
export async function searchWarmth(db: Kysely<DB>): Promise<'warm' | 'warming'> {
	if (warmedVersion.get(db) === (await findOffersVersion(db))) return 'warm';
	warmSearch(db).catch((error: unknown) => logger.error({ err: error }, 'Warming search failed'));
	return warmedVersion.has(db) ? 'warm' : 'warming';
}

/** What every search reads first: the offer index, the thesaurus and content versions. */
export interface SearchBasis {
	index: OfferIndex;
	thesaurusAt: string;
	/** The version the offer cards are cached by. */
	contentAt: string;
}

/** The versions in one query: on PostgreSQL one round trip before anything else can start. */
export async function searchBasis(db: Kysely<DB>): Promise<SearchBasis> {
	const versions = await findSearchVersions(db);
	return {
		index: await offerIndex(db, versions.offers),
		thesaurusAt: versions.thesaurus,
		contentAt: versions.content
	};
}

/** Turns the visitor's filters into database terms, adding a notice for each that cannot apply. */
export async function resolveFilters(
	db: Kysely<DB>,
	basis: SearchBasis,
	filters: SearchFilters,
	locale: Locale,
	notices: SearchNotice[],
	now: Date
): Promise<{
	resolved: ResolvedFilters;
	near: SearchResult['near'];
	placeSuggestions: string[];
	understanding: QueryUnderstanding | null;
}> {
	const { index } = basis;
	let districtId: number | null = null;
	if (filters.district) {
		const district = (await listDistricts(db)).find((d) => d.slug === filters.district);
		if (district) districtId = district.id;
		else
			notices.push({
				key: 'search.notice.unknownValue',
				params: { name: 'district', value: filters.district }
			});
	}

	let near: SearchResult['near'] = null;
	let placeSuggestions: string[] = [];
	let placeDistances: Map<number, number> | null = null;
	if (filters.near) {
		let place = await resolvePlace(db, filters.near);
		if (!place) {
			// One known place a typing mistake away ("Flensborg") is the one meant.
			place = await placeWithinMistakes(db, filters.near);
			if (place)
				notices.push({
					key: 'search.notice.placeCorrected',
					params: { value: filters.near, name: place.name }
				});
		}
		if (place) {
			near = { place, radiusKm: filters.radiusKm };
			placeDistances = await distancesFrom(db, place, filters.radiusKm);
		} else {
			// The other filters still apply, over the whole area; the notice says so.
			notices.push({ key: 'search.notice.unknownPlace', params: { value: filters.near } });
			placeSuggestions = await suggestPlaces(db, filters.near);
		}
	}

	const today = berlinToday(now);
	const read = filters.query
		? await readQuery(db, basis, filters.query, locale, {
				today,
				wider: filters.wider,
				free: filters.free,
				online: filters.online,
				districtId,
				forProfessionals: filters.targetGroups.includes('professionals')
			})
		: null;
	const hasWords = read !== null && read.plan.groups.length > 0;
	const offerKinds = read?.plan.offerKinds ?? [];
	if (filters.query && !hasWords && offerKinds.length === 0)
		notices.push({ key: 'search.notice.noWords' });
	let ranking = null;
	if (read && hasWords) {
		let preferred = placeDistances;
		if (!preferred && read.plan.place) {
			// A place named in the words ("Deutschkurs Flensburg") narrows like the place field, unless
			// nothing is there: then it only lifts the offers nearest to it.
			const around = await distancesFrom(db, read.plan.place, PLACE_FILTER_KM);
			if (read.text.members.countAnd(offersAt(index, around)) > 0) placeDistances = around;
			preferred = placeDistances ?? (await distancesFrom(db, read.plan.place, PLACE_PREFERENCE_KM));
		}
		ranking = rankMatches(index, read.text, { locale, placeDistances: preferred, today });
	}

	return {
		understanding:
			read && (hasWords || offerKinds.length)
				? { ...read.plan.understanding, droppedWords: read.text.droppedWords }
				: null,
		resolved: {
			textMatches: hasWords ? read!.text : null,
			ranking,
			actionFields: filters.actionFields,
			languages: filters.languages,
			targetGroups: filters.targetGroups,
			free: filters.free || offerKinds.includes('free'),
			online: filters.online || offerKinds.includes('online'),
			districtId,
			placeDistances,
			today
		},
		near,
		placeSuggestions
	};
}

/** The radius a place named in the query searches within, as the place field's default. */
const PLACE_FILTER_KM = 10;
/** How far a place named in the query lifts offers around it when none is within the radius. */
const PLACE_PREFERENCE_KM = 50;

// Per list of places (a new list after an import): the distances around a place within a radius.
// The same map for the same question lets the offers at those places be reused too (`offersAt`).
const distanceMaps = new WeakMap<Place[], Map<string, Map<number, number>>>();
const MAX_DISTANCE_MAPS = 256;

async function distancesFrom(db: Kysely<DB>, place: Place, radiusKm: number) {
	const places = await allPlaces(db);
	let byQuestion = distanceMaps.get(places);
	if (!byQuestion) distanceMaps.set(places, (byQuestion = new Map()));
	const key = `${place.id}|${place.lat}|${place.lon}|${radiusKm}`;
	let distances = byQuestion.get(key);
	if (!distances) {
		const within = await placesWithin(db, place, radiusKm);
		distances = new Map(
			within.map((entry) => [entry.place.id, Math.round(entry.distanceKm * 10) / 10])
		);
		if (byQuestion.size >= MAX_DISTANCE_MAPS) byQuestion.clear();
		byQuestion.set(key, distances);
	}
	return distances;
}

function effectiveSort(filters: SearchFilters, hasTerms: boolean, hasRadius: boolean): SortOrder {
	if (filters.sort === 'relevance' && hasTerms) return 'relevance';
	if (filters.sort === 'distance' && hasRadius) return 'distance';
	if (filters.sort === 'date' || filters.sort === 'title') return filters.sort;
	if (hasTerms) return 'relevance';
	if (hasRadius) return 'distance';
	return 'date';
}

/** A card as read, and its place, from which a search works out the distance. */
interface CachedCard {
	shown: Omit<OfferCard, 'distanceKm' | 'reasons'>;
	placeId: number | null;
}
const cardCaches = new WeakMap<Kysely<DB>, OfferCardCache<CachedCard>>();

/**
 * Offer cards in the given order, localised, with their distance when a radius applies; their
 * lists come from the basis' index (which holds every offer a search or the calendar finds), the
 * rest from the database unless read at the same content and index versions before.
 */
export async function offerCards(
	db: Kysely<DB>,
	basis: SearchBasis,
	ids: number[],
	locale: Locale,
	placeDistances: Map<number, number> | null = null
): Promise<OfferCard[]> {
	let cache = cardCaches.get(db);
	if (!cache) cardCaches.set(db, (cache = new OfferCardCache()));
	const version = `${basis.contentAt}\u0000${basis.index.version}`;
	const keyOf = (id: number) => `${locale}\u0000${id}`;
	const cached = cache.take(version, ids.map(keyOf));
	const read = await readOfferCards(
		db,
		basis.index,
		ids.filter((id) => !cached.has(keyOf(id))),
		locale
	);
	cache.put(version, new Map([...read].map(([id, card]) => [keyOf(id), card])));
	return ids.flatMap((id) => {
		const card = cached.get(keyOf(id)) ?? read.get(id);
		if (!card) return [];
		const distanceKm = card.placeId !== null ? (placeDistances?.get(card.placeId) ?? null) : null;
		return [{ ...card.shown, distanceKm, reasons: [] }];
	});
}

async function readOfferCards(
	db: Kysely<DB>,
	index: OfferIndex,
	ids: number[],
	locale: Locale
): Promise<Map<number, CachedCard>> {
	const inIndex = ids.filter((id) => index.positionOf(id) !== undefined);
	if (inIndex.length === 0) return new Map();
	const rows = await findOfferCards(db, inIndex);
	const texts = await localizeMany(
		db,
		'offer',
		rows.map((row) => ({ id: row.id, fields: { title: row.title, summary: row.summary } })),
		locale
	);
	return new Map(
		rows.map((row) => {
			const localized = texts.get(row.id)!;
			return [
				row.id,
				{
					shown: {
						...relationsAt(index, index.positionOf(row.id)!),
						id: row.id,
						slug: row.slug,
						title: localized.title,
						summary: localized.summary,
						organisationName: row.organisationName,
						placeName: row.placeName,
						districtName: row.districtName,
						online: row.locationKind === 'online',
						free: row.costKind === 'free',
						nextStartsAt: row.nextStartsAt,
						byAppointment: row.scheduleKind === 'appointment',
						lastVerifiedAt: row.lastVerifiedAt
					},
					placeId: row.placeId
				}
			];
		})
	);
}
