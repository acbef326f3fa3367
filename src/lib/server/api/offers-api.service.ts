import type { Kysely } from 'kysely';
import { SOURCE_LOCALE, type Locale } from '../../i18n/locales.js';
import { translator } from '../../i18n/messages.js';
import type { DB } from '../db/schema.js';
import { freshnessOf, type FreshnessConfig } from '../freshness/freshness.js';
import { getPublishedOffer } from '../offers/offer-page.service.js';
import { allPlaces } from '../places/places.service.js';
import type { OfferRelations } from '../offers/offers.schema.js';
import { PAGE_SIZE, parseSearchParams, type SearchNotice } from '../search/search.schema.js';
import { searchOffers, type OfferCard } from '../search/search.service.js';
import type { ApiNotice, OfferList, OfferResponse, OfferSummary } from './schemas.js';

type Detail = OfferResponse['offer'];
type Facets = OfferList['facets'];

/** What the API needs of the app's configuration and the request. */
export interface ApiContext extends FreshnessConfig {
	/** Public address the portal links are built from, without a trailing slash. */
	origin: string;
	enabledLocales: readonly Locale[];
	defaultLocale: Locale;
}

/** `GET /offers`: the portal search with the same parameters, plus `lang`. */
export async function listOffers(
	db: Kysely<DB>,
	params: URLSearchParams,
	context: ApiContext,
	now = new Date()
): Promise<OfferList> {
	const { filters, notices } = parseSearchParams(params);
	const lang = responseLanguage(params, context, notices);
	const [result, places] = await Promise.all([
		searchOffers(db, filters, lang, { notices, now }),
		allPlaces(db)
	]);
	const placeNames = new Map(places.map((place) => [place.id, place.name]));
	const { actionFields, languages, targetGroups } = result.facets;
	return {
		lang,
		total: result.total,
		page: result.page,
		pageCount: result.pageCount,
		pageSize: PAGE_SIZE,
		sort: result.sort,
		near: result.near && { place: result.near.place.name, radiusKm: result.near.radiusKm },
		placeSuggestions: result.placeSuggestions,
		items: result.items.map((card) => offerSummary(card, lang, context, now)),
		facets: {
			actionFields: actionFields as Facets['actionFields'],
			languages: languages as Facets['languages'],
			targetGroups: targetGroups as Facets['targetGroups'],
			places: result.facets.places
				.map(({ value, count }) => ({
					placeId: Number(value),
					name: placeNames.get(Number(value)) ?? value,
					count
				}))
				.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'de'))
		},
		notices: apiNotices(result.notices, lang)
	};
}

/** `GET /offers/{slug}`: one published, valid offer; throws OfferNotFoundError otherwise. */
export async function getOffer(
	db: Kysely<DB>,
	slug: string,
	params: URLSearchParams,
	context: ApiContext,
	now = new Date()
): Promise<OfferResponse> {
	const notices: SearchNotice[] = [];
	const lang = responseLanguage(params, context, notices);
	const offer = await getPublishedOffer(db, slug, lang, now);
	const url = portalUrl(context, lang, offer.slug);
	const { location } = offer;
	return {
		lang,
		offer: {
			id: offer.id,
			slug: offer.slug,
			url,
			calendarUrl: offer.schedule.series.length ? `${url}/calendar.ics` : null,
			title: offer.title,
			summary: offer.summary,
			description: offer.description,
			...relations(offer),
			languageLevel: offer.languageLevel as Detail['languageLevel'],
			languageLevelExit: offer.languageLevelExit as Detail['languageLevelExit'],
			cost: { ...offer.cost, kind: offer.cost.kind as Detail['cost']['kind'] },
			access: offer.access as Detail['access'],
			location:
				location.kind === 'online'
					? location
					: {
							kind: 'address',
							street: location.street,
							postcode: location.postcode,
							place: location.placeName,
							lat: location.lat,
							lon: location.lon
						},
			district: offer.districtName,
			schedule: {
				kind: offer.schedule.kind as Detail['schedule']['kind'],
				series: offer.schedule.series.map(({ startsAt, endsAt, rrule }) => ({
					startsAt,
					endsAt,
					rrule
				}))
			},
			nextDates: offer.nextDates.map(({ startsAt, endsAt }) => ({ startsAt, endsAt })),
			validFrom: offer.validFrom,
			validTo: offer.validTo,
			contact: offer.contact,
			// The portal shows these; the organisation's postal address and kind it does not.
			organisation: {
				name: offer.organisation.name,
				email: offer.organisation.email,
				phone: offer.organisation.phone,
				website: offer.organisation.website
			},
			updatedAt: offer.updatedAt,
			lastVerifiedAt: offer.lastVerifiedAt,
			mayBeOutdated: freshnessOf(offer.lastVerifiedAt, context, now) === 'may_be_outdated'
		},
		notices: apiNotices(notices, lang)
	};
}

function offerSummary(card: OfferCard, lang: Locale, context: ApiContext, now: Date): OfferSummary {
	return {
		id: card.id,
		slug: card.slug,
		url: portalUrl(context, lang, card.slug),
		title: card.title,
		summary: card.summary,
		organisation: card.organisationName,
		place: card.placeName,
		district: card.districtName,
		online: card.online,
		free: card.free,
		byAppointment: card.byAppointment,
		nextStartsAt: card.nextStartsAt,
		distanceKm: card.distanceKm,
		...relations(card),
		mayBeOutdated: freshnessOf(card.lastVerifiedAt, context, now) === 'may_be_outdated'
	};
}

/** The stored values of the offer's lists, which the offer schema admits only from these sets. */
function relations(offer: OfferRelations): Pick<OfferSummary, keyof OfferRelations> {
	return {
		actionFields: offer.actionFields as OfferSummary['actionFields'],
		targetGroups: offer.targetGroups as OfferSummary['targetGroups'],
		languages: offer.languages as OfferSummary['languages'],
		accessibility: offer.accessibility as OfferSummary['accessibility']
	};
}

/**
 * The `lang` asked for if the portal offers it; German otherwise (the source language, so a
 * client's default never depends on the server's visitors), with a notice when one was asked for.
 */
function responseLanguage(
	params: URLSearchParams,
	context: ApiContext,
	notices: SearchNotice[]
): Locale {
	const fallback = context.enabledLocales.includes(SOURCE_LOCALE)
		? SOURCE_LOCALE
		: context.defaultLocale;
	const asked = params.get('lang');
	if (!asked) return fallback;
	const known = context.enabledLocales.find((locale) => locale === asked);
	if (known) return known;
	notices.push({
		key: 'search.notice.unknownValue',
		params: { name: 'lang', value: asked.slice(0, 40) }
	});
	return fallback;
}

function portalUrl(context: ApiContext, lang: Locale, slug: string): string {
	return `${context.origin}/${lang}/offers/${encodeURIComponent(slug)}`;
}

function apiNotices(notices: SearchNotice[], lang: Locale): ApiNotice[] {
	const t = translator(lang);
	return notices.map(({ key, params = {} }) => ({
		code: key.replace(/^search\.notice\./, '') as ApiNotice['code'],
		message: t(key, params),
		params
	}));
}
