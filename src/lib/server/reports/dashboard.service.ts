import { SOURCE_LOCALE, type Locale } from '../../i18n/locales.js';
import { authorize, can, type Actor } from '../accounts/authorization.js';
import type { Db } from '../db/schema.js';
import { sourceHash } from '../translations/translations.service.js';
import { freshnessOf, type Freshness, type FreshnessConfig } from '../freshness/freshness.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import { TRANSLATABLE_OFFER_FIELDS } from '../offers/offers.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import {
	countByActionField,
	countByPlace,
	countShownByDistrict,
	listOfferTranslations,
	listPlaces,
	listShownOffers
} from './dashboard.repository.js';

export interface DashboardConfig extends FreshnessConfig {
	enabledLocales: readonly Locale[];
}

export interface LanguageCoverage {
	locale: Locale;
	/** Offers whose every text field has a translation made from the current German text. */
	translated: number;
	/** Of those, offers whose translations were all reviewed by a person. */
	reviewed: number;
	/** translated / all published offers, 0 to 1. */
	share: number;
}

export interface DashboardFigures {
	/** The actor's district: every figure counts its offers only. */
	district: string;
	publishedOffers: number;
	/** Districts the portal shows besides, with their offers; the portal's total includes them. */
	otherDistricts: { name: string; count: number }[];
	actionFields: { actionField: (typeof ACTION_FIELDS)[number]; count: number }[];
	/** Every place of the district, those without offers too: they show the gaps. */
	places: { id: number; name: string; amt: string | null; count: number }[];
	onlineOffers: number;
	coverage: LanguageCoverage[];
	freshness: Record<Freshness, number>;
}

// The coordinators' desk (it will also hold the review queue): for those who approve offers.
const districtScope = (actor: Actor) => ({
	districtId: actor.districtId,
	organisationId: 0,
	published: false
});

export function canSeeDashboard(actor: Actor): boolean {
	return can(actor, 'approve', districtScope(actor));
}

/** Figures over the published offers of the actor's district, as the portal shows them today. */
export async function dashboardFigures(
	db: Db,
	actor: Actor,
	config: DashboardConfig,
	now = new Date()
): Promise<DashboardFigures> {
	authorize(actor, 'approve', districtScope(actor));
	const today = berlinToday(now);
	const [fieldCounts, placeCounts, offers, districts] = await Promise.all([
		countByActionField(db, actor.districtId, today),
		countByPlace(db, actor.districtId, today),
		listShownOffers(db, actor.districtId, today),
		countShownByDistrict(db, today)
	]);
	const byField = new Map(fieldCounts.map((row) => [row.actionField, Number(row.count)]));
	const freshness: Record<Freshness, number> = { fresh: 0, due: 0, may_be_outdated: 0 };
	for (const offer of offers) freshness[freshnessOf(offer.lastVerifiedAt, config, now)]++;
	return {
		district: districts.find((district) => district.id === actor.districtId)?.name ?? '',
		publishedOffers: offers.length,
		otherDistricts: districts
			.filter((district) => district.id !== actor.districtId && Number(district.count) > 0)
			.map((district) => ({ name: district.name, count: Number(district.count) })),
		actionFields: ACTION_FIELDS.map((actionField) => ({
			actionField,
			count: byField.get(actionField) ?? 0
		})),
		places: await placeFigures(db, actor.districtId, placeCounts),
		onlineOffers: Number(placeCounts.find((row) => row.placeId === null)?.count ?? 0),
		coverage: await coverage(db, actor.districtId, today, offers, config.enabledLocales),
		freshness
	};
}

async function placeFigures(
	db: Db,
	districtId: number,
	counts: { placeId: number | null; count: number }[]
): Promise<DashboardFigures['places']> {
	const byPlace = new Map(
		counts.filter((row) => row.placeId !== null).map((row) => [row.placeId!, Number(row.count)])
	);
	const places = await listPlaces(db, districtId, [...byPlace.keys()]);
	return places
		.map((place) => ({ ...place, count: byPlace.get(place.id) ?? 0 }))
		.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'de'));
}

/** Per enabled language: how many offers read fully and currently translated. */
async function coverage(
	db: Db,
	districtId: number,
	today: string,
	offers: { id: number; title: string; summary: string; description: string }[],
	enabledLocales: readonly Locale[]
): Promise<LanguageCoverage[]> {
	const locales = enabledLocales.filter((locale) => locale !== SOURCE_LOCALE);
	const current = new Map<string, { fields: Set<string>; reviewed: Set<string> }>();
	const hashes = new Map(
		offers.map((offer) => [
			offer.id,
			Object.fromEntries(TRANSLATABLE_OFFER_FIELDS.map((f) => [f, sourceHash(offer[f])]))
		])
	);
	for (const row of await listOfferTranslations(db, districtId, today)) {
		// A translation made from an older German text is outdated and does not count.
		if (hashes.get(row.offerId)?.[row.field] !== row.sourceHash) continue;
		const key = `${row.offerId}:${row.locale}`;
		let entry = current.get(key);
		if (!entry) current.set(key, (entry = { fields: new Set(), reviewed: new Set() }));
		entry.fields.add(row.field);
		if (row.status === 'reviewed') entry.reviewed.add(row.field);
	}
	return locales.map((locale) => {
		let translated = 0;
		let reviewed = 0;
		for (const offer of offers) {
			// An empty German field (a description may be) needs no translation.
			const needed = TRANSLATABLE_OFFER_FIELDS.filter((field) => offer[field] !== '');
			const entry = current.get(`${offer.id}:${locale}`);
			if (!entry || !needed.every((field) => entry.fields.has(field))) continue;
			translated++;
			if (needed.every((field) => entry.reviewed.has(field))) reviewed++;
		}
		return { locale, translated, reviewed, share: offers.length ? translated / offers.length : 0 };
	});
}
