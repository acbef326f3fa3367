import { ICalCalendarMethod } from 'ical-generator';
import { berlinCalendar, TIME_ZONE, wallClock } from '../../shared/files/berlin-calendar.js';
import type { OfferDetail } from './offer-page.service.js';
import { firstOccurrence } from './schedule.js';

/** An RFC 5545 calendar with one event per date or series of the offer, in Europe/Berlin time. */
export function offerCalendar(offer: OfferDetail, url: string, host: string): string {
	const calendar = berlinCalendar({
		name: offer.title.text,
		product: 'Angebotsfinder',
		language: offer.title.lang,
		method: ICalCalendarMethod.PUBLISH
	});
	const location =
		offer.location.kind === 'online'
			? offer.location.url
			: `${offer.location.street}, ${[offer.location.postcode, offer.location.placeName].filter(Boolean).join(' ')}`;
	offer.schedule.series.forEach((entry, index) => {
		const first = firstOccurrence({
			startsAt: entry.startsAt,
			endsAt: entry.endsAt ?? undefined,
			rrule: entry.rrule ?? undefined
		});
		if (!first) return;
		const event = calendar.createEvent({
			id: `offer-${offer.id}-${index}@${host}`,
			start: wallClock(first.startsAt),
			end: first.endsAt ? wallClock(first.endsAt) : undefined,
			timezone: TIME_ZONE,
			summary: offer.title.text,
			description: `${offer.summary.text}\n\n${url}`,
			location,
			url,
			stamp: new Date(offer.updatedAt)
		});
		if (entry.rrule) event.repeating(`RRULE:${entry.rrule.replace(/^RRULE:/i, '')}`);
	});
	return calendar.toString();
}
