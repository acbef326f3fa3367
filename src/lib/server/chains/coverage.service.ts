import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/authorization.js';
import type { DB } from '../db/schema.js';
import type { Locale } from '../../i18n/locales.js';
import { publishedOfferLinks, type OfferLink } from '../offers/offer-page.service.js';
import { districtOrganisationNames } from '../organisations/organisations.service.js';
import { allPlaces, type Place } from '../places/places.service.js';
import { authorizeOnChains } from './chain-access.js';
import type { ChainDetail, StageView } from './chain-views.js';
import { listChainRows } from './chains.repository.js';
import { loadChain } from './chains.service.js';
import {
	DistanceTable,
	gapTotals,
	lostWithout,
	stageCoverage,
	type Cell,
	type Municipality,
	type QualifyingOffer
} from './coverage.js';
import { offerCatalogue, qualifyingOffers, type Catalogue } from './offer-catalogue.js';
import type { MatchReason } from './stage-matching.js';
import { fold } from '../../shared/text/fold.js';

/** Coverage of a district's chains per municipality: the gap matrix, the map's data, "what if". */

export {
	COVERAGE_CATEGORIES,
	coverageCategory,
	groupByAmt,
	type CoverageCategory,
	type Municipality
} from './coverage.js';

/** A stage as a column of the gap matrix, with the headline's figures. */
export interface MatrixStage {
	id: number;
	chainId: number;
	title: string;
	step: number;
	isOptional: boolean;
	reachKm: number;
	onlineCounts: boolean;
	/** Published offers that qualify for the stage (with the language filter applied). */
	qualifying: number;
	gaps: { municipalities: number; inhabitants: number; unknownPopulation: number };
}

export interface MatrixCell extends Cell {
	nearestOffer: OfferLink | null;
}

export interface GapMatrix {
	language: string | null;
	sort: GapSort;
	chains: { id: number; title: string; stages: MatrixStage[] }[];
	/** One row per municipality, its cells in the order of the chains' stages. */
	rows: { municipality: Municipality; cells: MatrixCell[] }[];
	inhabitants: number;
	/** Municipalities without a population figure: the headline cannot count their people. */
	withoutPopulation: string[];
}

/** Rows by Amt (the default), by name, by population, or by the distance in one stage's column. */
export type GapSort = 'amt' | 'name' | 'population' | `stage-${number}`;

export function parseGapSort(value: string | null): GapSort {
	if (value === 'name' || value === 'population') return value;
	if (value && /^stage-\d{1,9}$/.test(value)) return value as GapSort;
	return 'amt';
}

const collator = new Intl.Collator('de');

/** A district's municipalities, the distances, and the orders rows are sorted in. */
interface Geography {
	districtId: number;
	municipalities: Municipality[];
	distances: DistanceTable;
	/** Each municipality's place (by place id) in the German order of names, and of Ämter then names. */
	nameRank: Map<number, number>;
	amtRank: Map<number, number>;
}

// Places change only by import: the distances between them and the orders of a district's
// municipalities are worked out once per list (collation is the dearest part of a sort).
const geographies = new WeakMap<
	Place[],
	{ distances: DistanceTable; districts: Map<number, Geography> }
>();

async function districtGeography(db: Kysely<DB>, districtId: number): Promise<Geography> {
	const places = await allPlaces(db);
	let known = geographies.get(places);
	if (!known)
		geographies.set(
			places,
			(known = { distances: new DistanceTable(places), districts: new Map() })
		);
	let geography = known.districts.get(districtId);
	if (!geography) {
		const municipalities = municipalitiesOf(places, districtId);
		const byName = (a: Municipality, b: Municipality) => collator.compare(a.name, b.name);
		const rank = (sorted: Municipality[]) =>
			new Map(sorted.map((municipality, index) => [municipality.placeId, index]));
		geography = {
			districtId,
			municipalities,
			distances: known.distances,
			nameRank: rank([...municipalities].sort(byName)),
			amtRank: rank(
				[...municipalities].sort(
					(a, b) => collator.compare(a.amt ?? '\uffff', b.amt ?? '\uffff') || byName(a, b)
				)
			)
		};
		known.districts.set(districtId, geography);
	}
	return geography;
}

/**
 * A district's municipalities, one per municipality key, each at the point of its largest place
 * (the municipality itself where the place lists name it).
 */
export function municipalitiesOf(places: readonly Place[], districtId: number): Municipality[] {
	const byKey = new Map<string, Place>();
	for (const place of places) {
		if (place.districtId !== districtId) continue;
		const known = byKey.get(place.ags);
		if (!known || (place.population ?? -1) > (known.population ?? -1)) byKey.set(place.ags, place);
	}
	return [...byKey.values()].map((place) => ({
		placeId: place.id,
		ags: place.ags,
		name: place.name,
		amt: place.amt,
		population: place.population,
		lat: place.lat,
		lon: place.lon
	}));
}

/** The stage's qualifying offers where they are held, for the coverage maths. */
async function qualifyingSites(
	db: Kysely<DB>,
	stage: StageView,
	now: Date
): Promise<QualifyingOffer[]> {
	const catalogue = await offerCatalogue(db, now);
	return [...(await qualifyingOffers(db, stage, now)).keys()].flatMap((id) => {
		const offer = catalogue.byId.get(id);
		return offer
			? [{ id, placeId: offer.placeId, online: offer.online, languages: offer.languages }]
			: [];
	});
}

/** A stage's column of the gap matrix: its cells and how many offers count. */
interface Column {
	cells: Map<number, Cell>;
	qualifying: number;
}

// A column changes only with the offers (a new catalogue), the stage (its last change) or the
// places (a new distance table), so it is worked out once per those and the language filter.
const columnCache = new WeakMap<DistanceTable, WeakMap<Catalogue, Map<string, Column>>>();

// Titles change only with the offers too (translations arrive with an approved revision).
const linkCache = new WeakMap<Catalogue, Map<Locale, Map<number, OfferLink>>>();

/** Links to the catalogue's offers in the locale, read once per catalogue. */
async function catalogueLinks(
	db: Kysely<DB>,
	catalogue: Catalogue,
	offerIds: Iterable<number>,
	locale: Locale,
	now: Date
): Promise<Map<number, OfferLink>> {
	let byLocale = linkCache.get(catalogue);
	if (!byLocale) linkCache.set(catalogue, (byLocale = new Map()));
	let links = byLocale.get(locale);
	if (!links) byLocale.set(locale, (links = new Map()));
	const known = links;
	const missing: number[] = [];
	for (const id of new Set(offerIds)) if (!known.has(id)) missing.push(id);
	if (missing.length > 0)
		for (const link of await publishedOfferLinks(db, missing, locale, now))
			known.set(link.id, link);
	return known;
}

async function stageColumn(
	db: Kysely<DB>,
	catalogue: Catalogue,
	stage: StageView,
	language: string | null,
	geography: Geography,
	now: Date
): Promise<Column> {
	let byCatalogue = columnCache.get(geography.distances);
	if (!byCatalogue) columnCache.set(geography.distances, (byCatalogue = new WeakMap()));
	let columns = byCatalogue.get(catalogue);
	if (!columns) byCatalogue.set(catalogue, (columns = new Map()));
	const key = `${geography.districtId}|${stage.id}|${stage.updatedAt}|${language ?? ''}`;
	let column = columns.get(key);
	if (!column) {
		const offers = await qualifyingSites(db, stage, now);
		const counted = language ? offers.filter((o) => o.languages.includes(language)) : offers;
		column = {
			cells: stageCoverage(geography.municipalities, counted, stage, geography.distances),
			qualifying: counted.length
		};
		columns.set(key, column);
	}
	return column;
}

function sortRows(
	rows: GapMatrix['rows'],
	sort: GapSort,
	columns: MatrixStage[],
	{ nameRank, amtRank }: Geography
): void {
	const name = (row: GapMatrix['rows'][number]) => nameRank.get(row.municipality.placeId)!;
	if (sort === 'name') rows.sort((a, b) => name(a) - name(b));
	else if (sort === 'population')
		rows.sort(
			(a, b) =>
				(b.municipality.population ?? -1) - (a.municipality.population ?? -1) || name(a) - name(b)
		);
	else if (sort.startsWith('stage-')) {
		const column = columns.findIndex((stage) => `stage-${stage.id}` === sort);
		// Farthest first, so the gaps lead; no offer at all is the farthest.
		const distance = (cells: MatrixCell[]) =>
			column < 0 ? 0 : (cells[column]!.nearest?.distanceKm ?? Number.POSITIVE_INFINITY);
		rows.sort((a, b) => distance(b.cells) - distance(a.cells) || name(a) - name(b));
	} else
		rows.sort(
			(a, b) => amtRank.get(a.municipality.placeId)! - amtRank.get(b.municipality.placeId)!
		);
}

/**
 * Stages × municipalities for one chain or every chain of the actor's district: per cell the
 * nearest qualifying offer and its distance, whether an online one exists, the languages within
 * reach, covered or a gap. With `language` only offers delivered in it count.
 */
export async function gapMatrix(
	db: Kysely<DB>,
	actor: Actor,
	options: { chainId?: number; language?: string | null; sort?: GapSort },
	locale: Locale,
	now = new Date()
): Promise<GapMatrix> {
	const chains = await chainsInScope(db, actor, options.chainId);
	const language = options.language ?? null;
	const geography = await districtGeography(db, actor.districtId);
	const { municipalities } = geography;
	const catalogue = await offerCatalogue(db, now);
	const columns: MatrixStage[] = [];
	const columnCells: Map<number, Cell>[] = [];
	for (const chain of chains)
		for (const stage of chain.stages) {
			const { cells, qualifying } = await stageColumn(
				db,
				catalogue,
				stage,
				language,
				geography,
				now
			);
			columnCells.push(cells);
			columns.push({
				id: stage.id,
				chainId: chain.id,
				title: stage.title,
				step: stage.step,
				isOptional: stage.isOptional,
				reachKm: stage.reachKm,
				onlineCounts: stage.onlineCounts,
				qualifying,
				gaps: gapTotals(municipalities, cells)
			});
		}
	const nearestIds = new Set<number>();
	for (const cells of columnCells)
		for (const cell of cells.values()) if (cell.nearest) nearestIds.add(cell.nearest.offerId);
	const links = await catalogueLinks(db, catalogue, nearestIds, locale, now);
	const rows = municipalities.map((municipality) => ({
		municipality,
		cells: columnCells.map((cells): MatrixCell => {
			const { nearest, onlineExists, languages, covered } = cells.get(municipality.placeId)!;
			// Spelt out: spreading the cached cell copied it several times slower.
			return {
				nearest,
				onlineExists,
				languages,
				covered,
				nearestOffer: nearest ? (links.get(nearest.offerId) ?? null) : null
			};
		})
	}));
	const sort = options.sort ?? 'amt';
	sortRows(rows, sort, columns, geography);
	return {
		language,
		sort,
		chains: chains.map((chain) => ({
			id: chain.id,
			title: chain.title,
			stages: columns.filter((column) => column.chainId === chain.id)
		})),
		rows,
		inhabitants: municipalities.reduce((sum, m) => sum + (m.population ?? 0), 0),
		withoutPopulation: municipalities.filter((m) => m.population === null).map((m) => m.name)
	};
}

async function chainsInScope(
	db: Kysely<DB>,
	actor: Actor,
	chainId: number | undefined
): Promise<ChainDetail[]> {
	authorizeOnChains(actor, 'read', actor.districtId);
	if (chainId === undefined)
		return Promise.all(
			(await listChainRows(db, actor.districtId)).map((row) => loadChain(db, row.id))
		);
	const chain = await loadChain(db, chainId);
	authorizeOnChains(actor, 'read', chain.districtId);
	return [chain];
}

/** What ends: one offer, or every offer of one organisation. */
export type Ending = { offerId: number } | { organisationId: number };

export interface WhatIf {
	/** The published offers that would end. */
	offers: OfferLink[];
	/** Per stage that some of them serve: the municipalities that would lose it. */
	losses: {
		chainId: number;
		chainTitle: string;
		stageId: number;
		stageTitle: string;
		municipalities: Municipality[];
		inhabitants: number;
	}[];
}

/** Which municipalities lose a stage of the district's chains if the offer or organisation ends. */
export async function whatIf(
	db: Kysely<DB>,
	actor: Actor,
	ending: Ending,
	locale: Locale,
	now = new Date()
): Promise<WhatIf> {
	const chains = await chainsInScope(db, actor, undefined);
	const catalogue = await offerCatalogue(db, now);
	const endingIds = new Set(
		'offerId' in ending
			? catalogue.byId.has(ending.offerId)
				? [ending.offerId]
				: []
			: catalogue.offers
					.filter((offer) => offer.organisationId === ending.organisationId)
					.map((offer) => offer.id)
	);
	const { municipalities, distances } = await districtGeography(db, actor.districtId);
	const losses: WhatIf['losses'] = [];
	for (const chain of chains)
		for (const stage of chain.stages) {
			const offers = await qualifyingSites(db, stage, now);
			if (!offers.some((offer) => endingIds.has(offer.id))) continue;
			const lost = lostWithout(municipalities, offers, endingIds, stage, distances).sort((a, b) =>
				collator.compare(a.name, b.name)
			);
			if (lost.length === 0) continue;
			losses.push({
				chainId: chain.id,
				chainTitle: chain.title,
				stageId: stage.id,
				stageTitle: stage.title,
				municipalities: lost,
				inhabitants: lost.reduce((sum, m) => sum + (m.population ?? 0), 0)
			});
		}
	return { offers: await publishedOfferLinks(db, [...endingIds], locale, now), losses };
}

/** An offer of a stage and why it qualifies. */
export interface StageOffer {
	offer: OfferLink;
	placeName: string | null;
	online: boolean;
	languages: string[];
	reasons: MatchReason[];
}

/** The stage's qualifying offers today, by title (German collation), each with the reasons it matched. */
export async function stageOffers(
	db: Kysely<DB>,
	actor: Actor,
	stage: StageView,
	locale: Locale,
	now = new Date()
): Promise<StageOffer[]> {
	const chain = await loadChain(db, stage.chainId);
	authorizeOnChains(actor, 'read', chain.districtId);
	const [reasons, catalogue, places] = await Promise.all([
		qualifyingOffers(db, stage, now),
		offerCatalogue(db, now),
		allPlaces(db)
	]);
	const placeNames = new Map(places.map((place) => [place.id, place.name]));
	const links = (await publishedOfferLinks(db, [...reasons.keys()], locale, now)).sort(
		(a, b) => collator.compare(a.title.text, b.title.text) || a.id - b.id
	);
	return links.map((offer) => {
		const facts = catalogue.byId.get(offer.id)!;
		return {
			offer,
			placeName: facts.placeId === null ? null : (placeNames.get(facts.placeId) ?? null),
			online: facts.online,
			languages: facts.languages,
			reasons: reasons.get(offer.id)!
		};
	});
}

/** How many offers the what-if page lists to choose from before it asks for a search. */
const ENDING_CHOICES = 300;

/**
 * What the what-if page offers to end: the district's published offers by title (those whose
 * title holds `query`, folded, when one is given; at most ENDING_CHOICES) and the organisations
 * that publish any.
 */
export async function endingChoices(
	db: Kysely<DB>,
	actor: Actor,
	query: string,
	locale: Locale,
	now = new Date()
): Promise<{ offers: OfferLink[]; more: boolean; organisations: { id: number; name: string }[] }> {
	authorizeOnChains(actor, 'read', actor.districtId);
	const catalogue = await offerCatalogue(db, now);
	const own = catalogue.offers.filter((offer) => offer.districtId === actor.districtId);
	const publishing = new Set(own.map((offer) => offer.organisationId));
	const folded = fold(query);
	const links = (
		await publishedOfferLinks(
			db,
			own.map((offer) => offer.id),
			locale,
			now
		)
	)
		.filter((link) => !folded || fold(link.title.text).includes(folded))
		.sort((a, b) => collator.compare(a.title.text, b.title.text) || a.id - b.id);
	return {
		offers: links.slice(0, ENDING_CHOICES),
		more: links.length > ENDING_CHOICES,
		organisations: (await districtOrganisationNames(db, actor.districtId)).filter((organisation) =>
			publishing.has(organisation.id)
		)
	};
}
