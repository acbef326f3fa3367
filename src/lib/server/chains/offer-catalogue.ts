import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { getSetting } from '../db/settings.repository.js';
import { OFFERS_VERSION_SETTING } from '../offers/offers.schema.js';
import { findOfferTexts, findPublishedOfferFacts } from '../offers/offers.service.js';
import { fold } from '../../shared/text/fold.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { hasRule } from './chains.schema.js';
import type { StageView } from './chain-views.js';
import {
	compileRules,
	matchStage,
	matchStructure,
	type MatchReason,
	type OfferStructure
} from './stage-matching.js';

/** A published offer as coverage sees it: what stages select by, where it is held, its languages. */
export interface CatalogueOffer extends OfferStructure {
	districtId: number;
	organisationId: number;
	placeId: number | null;
	languages: string[];
}

/**
 * The published offers of the installation, held per process and rebuilt when the offers version
 * or the day changes, with each stage's qualifying offers worked out once per version: the gap
 * matrix asks for every stage of every chain at once.
 */
export interface Catalogue {
	key: string;
	offers: CatalogueOffer[];
	byId: Map<number, CatalogueOffer>;
	/** Per stage: the stage's last change and its qualifying offers with the reasons. */
	matches: Map<number, { updatedAt: string; result: Promise<Map<number, MatchReason[]>> }>;
	/** Folded texts of the offers some stage's keywords were looked for in: stages share them. */
	foldedTexts: Map<number, string>;
}

const catalogues = new WeakMap<Kysely<DB>, Promise<Catalogue>>();

export async function offerCatalogue(db: Kysely<DB>, now = new Date()): Promise<Catalogue> {
	const today = berlinToday(now);
	const key = `${(await getSetting(db, OFFERS_VERSION_SETTING)) ?? 'initial'}|${today}`;
	const cached = catalogues.get(db);
	if (cached) {
		const catalogue = await cached;
		if (catalogue.key === key) return catalogue;
	}
	const building = buildCatalogue(db, key, today);
	catalogues.set(db, building);
	building.catch(() => catalogues.delete(db));
	return building;
}

async function buildCatalogue(db: Kysely<DB>, key: string, today: string): Promise<Catalogue> {
	const offers = (await findPublishedOfferFacts(db, today)).map((row): CatalogueOffer => ({
		id: row.id,
		districtId: row.districtId,
		organisationId: row.organisationId,
		placeId: row.locationKind === 'online' ? null : row.placeId,
		online: row.locationKind === 'online',
		actionFields: row.actionFields,
		targetGroups: row.targetGroups,
		languages: row.languages,
		languageLevel: row.languageLevel,
		languageLevelExit: row.languageLevelExit,
		costKind: row.costKind
	}));
	return {
		key,
		offers,
		byId: new Map(offers.map((offer) => [offer.id, offer])),
		matches: new Map(),
		foldedTexts: new Map()
	};
}

/** The offers that qualify for the stage today, each with the reasons it does. */
export async function qualifyingOffers(
	db: Kysely<DB>,
	stage: StageView,
	now = new Date()
): Promise<Map<number, MatchReason[]>> {
	const catalogue = await offerCatalogue(db, now);
	const known = catalogue.matches.get(stage.id);
	if (known?.updatedAt === stage.updatedAt) return known.result;
	const result = matchCatalogue(db, catalogue, stage);
	catalogue.matches.set(stage.id, { updatedAt: stage.updatedAt, result });
	result.catch(() => catalogue.matches.delete(stage.id));
	return result;
}

async function matchCatalogue(
	db: Kysely<DB>,
	catalogue: Catalogue,
	stage: StageView
): Promise<Map<number, MatchReason[]>> {
	const selection = {
		compiled: compileRules(stage.rules),
		included: new Set(stage.includedOfferIds),
		excluded: new Set(stage.excludedOfferIds),
		hasAnyRule: hasRule(stage.rules)
	};
	// The cheap rules first; only the offers that pass them are read for keywords.
	const candidates = catalogue.offers.filter(
		(offer) =>
			!selection.excluded.has(offer.id) &&
			(selection.included.has(offer.id) ||
				(selection.hasAnyRule && matchStructure(selection.compiled, offer) !== null))
	);
	const texts = catalogue.foldedTexts;
	if (selection.compiled.keywords.length > 0) {
		const unread = candidates.filter((offer) => !texts.has(offer.id)).map((offer) => offer.id);
		for (const text of await findOfferTexts(db, unread))
			texts.set(text.id, fold(`${text.title}\n${text.summary}\n${text.description}`));
	}
	const result = new Map<number, MatchReason[]>();
	for (const offer of candidates) {
		const reasons = matchStage(selection, { ...offer, foldedText: texts.get(offer.id) ?? '' });
		if (reasons) result.set(offer.id, reasons);
	}
	return result;
}
