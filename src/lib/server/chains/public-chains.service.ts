import type { Kysely } from 'kysely';
import type { Locale } from '../../i18n/locales.js';
import type { DB } from '../db/schema.js';
import { publishedOfferLinks, type OfferLink } from '../offers/offer-page.service.js';
import { allPlaces, listDistricts } from '../places/places.service.js';
import { localizeMany, type LocalizedText } from '../translations/translations.service.js';
import type { ChainDetail, ChainSummary } from './chain-views.js';
import { findPublicChain, listPublicChains } from './chains.service.js';
import { NEAREST_OFFERS, pickOffers, visitorPlace } from './way-offers.js';

/**
 * The portal's "Ihr Weg zu …": a district's public chains as numbered steps in the visitor's
 * language (German where untranslated, marked as such), each stage with the qualifying offers
 * nearest to the visitor's postcode or place. Transitions, rules and reviews stay in the office.
 */

interface DistrictChoice {
	slug: string;
	name: string;
}

export interface PublicChainLink {
	slug: string;
	title: LocalizedText;
	introduction: LocalizedText;
}

export interface PublicChainsPage {
	district: DistrictChoice;
	/** Every district with public chains, to switch between; empty while there is one or none. */
	districts: DistrictChoice[];
	chains: PublicChainLink[];
}

/** An offer of a stage as the way lists it. */
export interface WayOffer {
	offer: OfferLink;
	placeName: string | null;
	online: boolean;
	/** From the visitor's place, rounded to 0.1 km; null without a place or online. */
	distanceKm: number | null;
	languages: string[];
}

export interface WayStage {
	id: number;
	title: LocalizedText;
	achieves: LocalizedText;
	isOptional: boolean;
	reachKm: number;
	/** Nearest first with a place, else a few by title. */
	offers: WayOffer[];
	/** Whether the stage has published offers at all, near or far. */
	hasOffers: boolean;
}

/** Stages on the same step are alternatives: a person takes one of them. */
export interface WayStep {
	number: number;
	stages: WayStage[];
}

export interface PublicWay {
	district: DistrictChoice;
	slug: string;
	title: LocalizedText;
	introduction: LocalizedText;
	steps: WayStep[];
	/** What the visitor typed, trimmed; empty when nothing. */
	near: string;
	/** The place the offers are measured from ("24376 Kappeln", "Satrup"), null without one. */
	place: string | null;
	/** Known places close to a name that matched none; empty otherwise. */
	placeSuggestions: string[];
	unknownPlace: boolean;
}

const collator = new Intl.Collator('de');

async function localizeChains(db: Kysely<DB>, chains: ChainSummary[], locale: Locale) {
	return localizeMany(
		db,
		'chain',
		chains.map((chain) => ({
			id: chain.id,
			fields: { publicTitle: chain.publicTitle, introduction: chain.introduction }
		})),
		locale
	);
}

/** Every district, and those with public chains together with them. */
async function districtsWithChains(db: Kysely<DB>) {
	const districts = await listDistricts(db);
	const withChains = [];
	for (const district of districts) {
		const chains = await listPublicChains(db, district.id);
		if (chains.length > 0) withChains.push({ district, chains });
	}
	return { districts, withChains };
}

const choice = ({ slug, name }: DistrictChoice): DistrictChoice => ({ slug, name });

/**
 * The public chains of the district with the slug, or of the first district that has any (the
 * first district when none has) — unknown slugs fall back the same way.
 */
export async function publicChains(
	db: Kysely<DB>,
	districtSlug: string | null,
	locale: Locale
): Promise<PublicChainsPage | null> {
	const { districts, withChains } = await districtsWithChains(db);
	const shown =
		withChains.find((entry) => entry.district.slug === districtSlug) ?? withChains[0] ?? null;
	const district = shown?.district ?? districts[0];
	if (!district) return null;
	const chains = shown?.chains ?? [];
	const texts = await localizeChains(db, chains, locale);
	return {
		district: choice(district),
		districts: withChains.length > 1 ? withChains.map((entry) => choice(entry.district)) : [],
		chains: chains.map((chain) => ({
			slug: chain.slug,
			title: texts.get(chain.id)!.publicTitle,
			introduction: texts.get(chain.id)!.introduction
		}))
	};
}

/** The public chain with the slug: in the district asked for, else in the first district that has one. */
async function findWay(
	db: Kysely<DB>,
	districtSlug: string | null,
	chainSlug: string
): Promise<{ district: DistrictChoice; chain: ChainDetail } | null> {
	const districts = (await listDistricts(db)).sort(
		(a, b) => Number(b.slug === districtSlug) - Number(a.slug === districtSlug)
	);
	for (const district of districts) {
		const chain = await findPublicChain(db, district.id, chainSlug);
		if (chain) return { district: choice(district), chain };
	}
	return null;
}

/**
 * One public chain as a way for a person: its steps, and per stage the qualifying offers — with
 * `near` (a postcode or place name) the nearest within the stage's reach plus online ones where
 * the stage counts them, else a few by title. An unknown place is no error: the way comes
 * without distances, with suggestions.
 */
export async function publicWay(
	db: Kysely<DB>,
	request: { districtSlug: string | null; chainSlug: string; near: string },
	locale: Locale,
	now = new Date()
): Promise<PublicWay | null> {
	const found = await findWay(db, request.districtSlug, request.chainSlug);
	if (!found) return null;
	const { chain, district } = found;
	const near = request.near.trim();
	const visitor = await visitorPlace(db, near);
	const picks = await Promise.all(
		chain.stages.map((stage) => pickOffers(db, stage, visitor.distances, now))
	);
	const links = new Map(
		(
			await publishedOfferLinks(
				db,
				[...new Set(picks.flatMap((pick) => pick.offers.map((offer) => offer.id)))],
				locale,
				now
			)
		).map((link) => [link.id, link])
	);
	const [chainTexts, stageTexts, placeNames] = await Promise.all([
		localizeChains(db, [chain], locale),
		localizeMany(
			db,
			'chain_stage',
			chain.stages.map((stage) => ({
				id: stage.id,
				fields: { title: stage.title, achieves: stage.achieves }
			})),
			locale
		),
		allPlaces(db).then((places) => new Map(places.map((place) => [place.id, place.name])))
	]);
	const stages = chain.stages.map((stage, index): WayStage & { step: number } => {
		const pick = picks[index]!;
		const offers = pick.offers.flatMap((offer): WayOffer[] => {
			const link = links.get(offer.id);
			if (!link) return [];
			return [
				{
					offer: link,
					placeName: offer.placeId === null ? null : (placeNames.get(offer.placeId) ?? null),
					online: offer.online,
					distanceKm: offer.distanceKm,
					languages: offer.languages
				}
			];
		});
		if (!visitor.distances)
			offers.sort((a, b) => collator.compare(a.offer.title.text, b.offer.title.text));
		return {
			id: stage.id,
			step: stage.step,
			title: stageTexts.get(stage.id)!.title,
			achieves: stageTexts.get(stage.id)!.achieves,
			isOptional: stage.isOptional,
			reachKm: stage.reachKm,
			offers: offers.slice(0, visitor.distances ? offers.length : NEAREST_OFFERS),
			hasOffers: pick.qualifying > 0
		};
	});
	const steps: WayStep[] = [];
	for (const { step, ...stage } of stages) {
		const last = steps.at(-1);
		if (last?.number === step) last.stages.push(stage);
		else steps.push({ number: step, stages: [stage] });
	}
	const texts = chainTexts.get(chain.id)!;
	return {
		district,
		slug: chain.slug,
		title: texts.publicTitle,
		introduction: texts.introduction,
		steps,
		near,
		place: visitor.place,
		placeSuggestions: visitor.suggestions,
		unknownPlace: near !== '' && visitor.place === null
	};
}
