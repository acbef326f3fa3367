import type { OfferInput } from '../offers/offers.schema.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { addDays, addMinutes } from '../../shared/time/wall-clock.js';
import { placeOf, type Lookup } from './demo.lookup.js';
import type { DemoOffer } from './demo.schema.js';

/**
 * Maps a demo offer to the offers context's input; dates are relative to the seeding day, and
 * the offer is valid from the day it was created (`createdOn`, the seeding day unless backdated).
 */
export function toOfferInput(
	offer: DemoOffer,
	organisationId: number,
	lookup: Lookup,
	now: Date,
	createdOn = berlinToday(now)
): OfferInput {
	const today = berlinToday(now);
	const at = (days: number, time: string) => `${addDays(today, days)}T${time}`;
	const schedule: OfferInput['schedule'] =
		offer.schedule.kind === 'appointment'
			? { kind: 'appointment' }
			: offer.schedule.kind === 'dates'
				? {
						kind: 'dates',
						entries: offer.schedule.dates.map((date) => {
							const startsAt = at(date.inDays, date.time);
							return { startsAt, endsAt: addMinutes(startsAt, date.durationMinutes) };
						})
					}
				: {
						kind: 'recurring',
						entries: [
							{
								startsAt: at(0, offer.schedule.time),
								endsAt: addMinutes(at(0, offer.schedule.time), offer.schedule.durationMinutes),
								rrule: offer.schedule.rrule
							}
						]
					};
	const validTo = offer.validMonths ? addDays(today, offer.validMonths * 30) : undefined;
	return {
		organisationId,
		title: offer.title,
		summary: offer.summary,
		description: offer.description,
		actionFields: offer.actionFields,
		targetGroups: offer.targetGroups,
		languages: offer.languages,
		languageLevel: offer.languageLevel,
		languageLevelExit: offer.languageLevelExit ?? null,
		cost:
			offer.cost.kind === 'free'
				? { kind: 'free' }
				: {
						kind: offer.cost.kind,
						cents: Math.round(offer.cost.euro * 100),
						note: offer.cost.note
					},
		access: offer.access,
		accessibility: offer.accessibility,
		location:
			'online' in offer.location
				? { kind: 'online', url: offer.location.url }
				: {
						kind: 'address',
						street: offer.location.street,
						placeId: placeOf(lookup, offer.location.place).id
					},
		schedule,
		validFrom: createdOn,
		validTo,
		contact: {
			name: offer.contact.name,
			phone: offer.contact.phone,
			email: offer.contact.email
		},
		status: 'published'
	};
}
