import { berlinInstant } from '../../shared/time/berlin-clock.js';
import type { OfferDetail } from './offer-page.service.js';

/** schema.org description of an offer for search engines and aggregators, as a safe script body. */
export function offerJsonLd(offer: OfferDetail, url: string): string {
	const location =
		offer.location.kind === 'online'
			? { '@type': 'VirtualLocation', url: offer.location.url }
			: {
					'@type': 'Place',
					address: {
						'@type': 'PostalAddress',
						streetAddress: offer.location.street,
						postalCode: offer.location.postcode ?? undefined,
						addressLocality: offer.location.placeName,
						addressCountry: 'DE'
					},
					geo: {
						'@type': 'GeoCoordinates',
						latitude: offer.location.lat,
						longitude: offer.location.lon
					}
				};
	const provider = {
		'@type': 'Organization',
		name: offer.organisation.name,
		email: offer.organisation.email ?? undefined,
		telephone: offer.organisation.phone ?? undefined,
		url: offer.organisation.website ?? undefined
	};
	const price = offer.cost.kind === 'free' ? 0 : (offer.cost.cents ?? 0) / 100;
	const base = {
		'@context': 'https://schema.org',
		name: offer.title.text,
		description: offer.summary.text,
		inLanguage: offer.languages,
		url,
		offers: { '@type': 'Offer', price, priceCurrency: 'EUR', url }
	};
	const data =
		offer.nextDates.length > 0
			? {
					...base,
					'@type': 'Event',
					startDate: berlinInstant(offer.nextDates[0]!.startsAt).toISOString(),
					endDate: offer.nextDates[0]!.endsAt
						? berlinInstant(offer.nextDates[0]!.endsAt).toISOString()
						: undefined,
					eventAttendanceMode:
						offer.location.kind === 'online'
							? 'https://schema.org/OnlineEventAttendanceMode'
							: 'https://schema.org/OfflineEventAttendanceMode',
					location,
					organizer: provider
				}
			: {
					...base,
					'@type': 'Service',
					provider,
					areaServed: offer.districtName,
					availableChannel: location
				};
	return JSON.stringify(data).replace(/</g, '\\u003c');
}
