import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { placesWithin, POSTCODE, resolvePlace, suggestPlaces } from '../places/places.service.js';
import type { StageView } from './chain-views.js';
import { offerCatalogue, qualifyingOffers } from './offer-catalogue.js';

/** Which of a stage's offers the portal's way shows a person, and how far they are. */

/** On-site offers shown per stage near a place, and without a place. */
export const NEAREST_OFFERS = 3;
const ONLINE_OFFERS = 2;

/** Where the visitor is: a known place with the distances from it to every place, or why not. */
export async function visitorPlace(db: Kysely<DB>, near: string) {
	if (!near) return { place: null, distances: null, suggestions: [] as string[] };
	const place = await resolvePlace(db, near);
	if (!place) return { place: null, distances: null, suggestions: await suggestPlaces(db, near) };
	const within = await placesWithin(db, place, Number.POSITIVE_INFINITY);
	return {
		place: POSTCODE.test(near) ? `${near} ${place.name}` : place.name,
		distances: new Map(
			within.map((entry) => [entry.place.id, Math.round(entry.distanceKm * 10) / 10])
		),
		suggestions: [] as string[]
	};
}

export interface PickedOffer {
	id: number;
	placeId: number | null;
	online: boolean;
	distanceKm: number | null;
	languages: string[];
}

/**
 * The stage's offers worth showing: with distances, the nearest on-site ones within reach (by
 * distance, then id for a stable order) and online ones when the stage counts them; without,
 * every qualifying offer (publicWay keeps a few by title once it has their titles).
 */
export async function pickOffers(
	db: Kysely<DB>,
	stage: StageView,
	distances: Map<number, number> | null,
	now: Date
): Promise<{ qualifying: number; offers: PickedOffer[] }> {
	const [reasons, catalogue] = await Promise.all([
		qualifyingOffers(db, stage, now),
		offerCatalogue(db, now)
	]);
	const offers = [...reasons.keys()].flatMap((id): PickedOffer[] => {
		const facts = catalogue.byId.get(id);
		if (!facts) return [];
		const distanceKm =
			distances && facts.placeId !== null ? (distances.get(facts.placeId) ?? null) : null;
		// The database hands the languages over in no set order; the page lists them alike every time.
		const languages = [...facts.languages].sort();
		return [{ id, placeId: facts.placeId, online: facts.online, distanceKm, languages }];
	});
	if (!distances) return { qualifying: offers.length, offers };
	const nearest = offers
		.filter((offer) => offer.distanceKm !== null && offer.distanceKm <= stage.reachKm)
		.sort((a, b) => a.distanceKm! - b.distanceKm! || a.id - b.id)
		.slice(0, NEAREST_OFFERS);
	const online = stage.onlineCounts
		? offers
				.filter((offer) => offer.online)
				.sort((a, b) => a.id - b.id)
				.slice(0, ONLINE_OFFERS)
		: [];
	return { qualifying: offers.length, offers: [...nearest, ...online] };
}
