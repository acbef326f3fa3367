import type { Locale } from '../../i18n/locales.js';
import type { Db } from '../db/schema.js';
import { localizeMany, type LocalizedText } from '../translations/translations.service.js';
import { listPostcodes } from '../places/places.service.js';
import { OfferNotFoundError } from './offers.errors.js';
import {
	findPublishedOfferBySlug,
	findPublishedOfferTitles,
	findUpcomingOccurrences
} from './offer-page.repository.js';
import { findRelations, findSchedules } from './offers.repository.js';
import type { OfferRelations } from './offers.schema.js';
import {
	summarizeRecurrence,
	type RecurrenceSummary
} from '../../shared/time/recurrence-summary.js';
import { type Occurrence } from './schedule.js';
import { berlinNow, berlinToday } from '../../shared/time/berlin-clock.js';

export interface OfferDetail extends OfferRelations {
	id: number;
	slug: string;
	title: LocalizedText;
	summary: LocalizedText;
	description: LocalizedText;
	cost: { kind: string; cents: number | null; note: string | null };
	access: string;
	languageLevel: string;
	/** The level the offer leads to, where it names one. */
	languageLevelExit: string | null;
	location:
		| { kind: 'online'; url: string }
		| {
				kind: 'address';
				street: string;
				postcode: string | null;
				placeName: string;
				lat: number;
				lon: number;
		  };
	districtName: string;
	schedule: {
		kind: string;
		series: {
			startsAt: string;
			endsAt: string | null;
			rrule: string | null;
			recurrence: RecurrenceSummary | null;
		}[];
	};
	nextDates: Occurrence[];
	validFrom: string | null;
	validTo: string | null;
	contact: { name: string | null; phone: string | null; email: string | null };
	organisation: {
		name: string;
		kind: string;
		email: string | null;
		phone: string | null;
		website: string | null;
		address: string | null;
	};
	updatedAt: string;
	lastVerifiedAt: string;
}

const NEXT_DATES = 6;

export async function getPublishedOffer(
	db: Db,
	slug: string,
	locale: Locale,
	now = new Date()
): Promise<OfferDetail> {
	const today = berlinToday(now);
	const row = await findPublishedOfferBySlug(db, slug, today);
	if (!row) throw new OfferNotFoundError(slug);
	const [texts, relations, series, nextDates, postcodes] = await Promise.all([
		localizeMany(
			db,
			'offer',
			[
				{
					id: row.id,
					fields: { title: row.title, summary: row.summary, description: row.description }
				}
			],
			locale
		),
		findRelations(db, [row.id]),
		findSchedules(db, [row.id]),
		findUpcomingOccurrences(db, row.id, berlinNow(now), NEXT_DATES),
		row.placeId ? listPostcodes(db, [row.placeId]) : Promise.resolve([])
	]);
	const organisationAddress = row.organisationStreet
		? `${row.organisationStreet}, ${[row.organisationPostcode, row.organisationPlaceName].filter(Boolean).join(' ')}`
		: null;
	return {
		...relations.get(row.id)!,
		...texts.get(row.id)!,
		id: row.id,
		slug: row.slug,
		cost: { kind: row.costKind, cents: row.costCents, note: row.costNote },
		access: row.access,
		languageLevel: row.languageLevel,
		languageLevelExit: row.languageLevelExit,
		location:
			row.locationKind === 'online' || row.placeName === null
				? { kind: 'online', url: row.onlineUrl ?? '' }
				: {
						kind: 'address',
						street: row.street ?? '',
						postcode: postcodes[0]?.postcode ?? null,
						placeName: row.placeName,
						lat: row.placeLat ?? 0,
						lon: row.placeLon ?? 0
					},
		districtName: row.districtName,
		schedule: {
			kind: row.scheduleKind,
			series: series.map(({ startsAt, endsAt, rrule }) => ({
				startsAt,
				endsAt,
				rrule,
				recurrence: rrule ? summarizeRecurrence(rrule) : null
			}))
		},
		nextDates,
		validFrom: row.validFrom,
		validTo: row.validTo,
		contact: { name: row.contactName, phone: row.contactPhone, email: row.contactEmail },
		organisation: {
			name: row.organisationName,
			kind: row.organisationKind,
			email: row.organisationEmail,
			phone: row.organisationPhone,
			website: row.organisationWebsite,
			address: organisationAddress
		},
		updatedAt: row.updatedAt,
		lastVerifiedAt: row.lastVerifiedAt
	};
}

/** A link to an offer's public page, titled in the visitor's language. */
export interface OfferLink {
	id: number;
	slug: string;
	title: LocalizedText;
}

/**
 * Links to those of the offers the portal shows today (published and still valid), by title;
 * other pages (the measures' "Was wir tun") link to what came of their work.
 */
export async function publishedOfferLinks(
	db: Db,
	offerIds: readonly number[],
	locale: Locale,
	now = new Date()
): Promise<OfferLink[]> {
	const rows = await findPublishedOfferTitles(db, offerIds, berlinToday(now));
	const titles = await localizeMany(
		db,
		'offer',
		rows.map((row) => ({ id: row.id, fields: { title: row.title } })),
		locale
	);
	return rows.map((row) => ({ id: row.id, slug: row.slug, title: titles.get(row.id)!.title }));
}
