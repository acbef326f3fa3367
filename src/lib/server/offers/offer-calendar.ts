import { ICalCalendarMethod } from 'ical-generator';
import { berlinCalendar, TIME_ZONE, wallClock } from '../../shared/files/berlin-calendar.js';
import type { OfferDetail } from './offer-page.service.js';
import { firstOccurrence } from './schedule.js';

/** The UTC instant of a Europe/Berlin wall-clock time `YYYY-MM-DDTHH:mm`. */
export function berlinInstant(localDateTime: string): Date {
	const guess = new Date(`${localDateTime}:00Z`);
	const offsetAt = (date: Date) => {
		const parts = new Intl.DateTimeFormat('en-US', {
			timeZone: TIME_ZONE,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit'
		}).formatToParts(date);
		const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
		const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
		return wall - date.getTime();
	};
	const first = new Date(guess.getTime() - offsetAt(guess));
	return new Date(guess.getTime() - offsetAt(first));
}

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
