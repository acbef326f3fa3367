import { z } from 'zod';
import { LOCALES } from '../../i18n/locales.js';
import {
	ACCESS_KINDS,
	ACCESSIBILITY_FEATURES,
	EXIT_LEVELS,
	LANGUAGE_LEVELS,
	TARGET_GROUPS
} from '../offers/offers.schema.js';
import { DELIVERY_LANGUAGES } from '../organisations/organisations.schema.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import { MAX_PAGE, MAX_QUERY_LENGTH, PAGE_SIZE, RADII_KM, SORTS } from '../search/search.schema.js';

/**
 * The public API's shapes. The OpenAPI document is generated from these, and the tests parse real
 * responses with them, so the documentation cannot drift from what the handlers send.
 * Objects are strict so that a field the handlers add without documenting it fails the tests.
 */
export const apiSchemas = z.registry<{ id: string }>();

const localDateTime = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
	.meta({ description: 'Wall-clock time in Europe/Berlin, `YYYY-MM-DDTHH:mm`.' });
const instant = z.iso.datetime({ offset: true });

export const localizedTextSchema = z
	.strictObject({
		text: z.string(),
		lang: z.string().meta({ description: 'BCP 47 language of `text`.' }),
		fallback: z.boolean().meta({
			description: 'True when another language was asked for and the German source is shown.'
		}),
		status: z.enum(['missing', 'machine', 'reviewed', 'outdated']).meta({
			description:
				'Translation status: `machine` translations are unreviewed, `outdated` ones were made from an older German text.'
		})
	})
	.register(apiSchemas, { id: 'LocalizedText' });

export const NOTICE_CODES = [
	'queryTooLong',
	'unknownValue',
	'badPage',
	'unknownPlace',
	'placeCorrected',
	'noWords',
	'pageOutOfRange'
] as const;

export const noticeSchema = z
	.strictObject({
		code: z.enum(NOTICE_CODES),
		message: z.string().meta({ description: 'Explanation in the language of the response.' }),
		params: z.record(z.string(), z.union([z.string(), z.number()]))
	})
	.meta({
		description:
			'A parameter that could not be used as given; it was dropped or corrected, as in the portal.'
	})
	.register(apiSchemas, { id: 'Notice' });

const languageSchema = z.enum(LOCALES).meta({ description: 'Language of the localised texts.' });

export const offerSummarySchema = z
	.strictObject({
		id: z.number().int(),
		slug: z.string(),
		url: z.url().meta({ description: 'The offer page in the public portal.' }),
		title: localizedTextSchema,
		summary: localizedTextSchema,
		organisation: z.string().meta({ description: 'Name of the organisation offering it.' }),
		place: z.string().nullable().meta({ description: 'Municipality; null for online offers.' }),
		district: z.string().meta({ description: 'Name of the district (Kreis or city).' }),
		online: z.boolean(),
		free: z.boolean(),
		byAppointment: z.boolean(),
		nextStartsAt: localDateTime.nullable().meta({ description: 'Start of the next date, if any.' }),
		distanceKm: z
			.number()
			.nullable()
			.meta({ description: 'Distance from `near`, when a radius applies.' }),
		actionFields: z.array(z.enum(ACTION_FIELDS)),
		languages: z.array(z.enum(DELIVERY_LANGUAGES)),
		targetGroups: z.array(z.enum(TARGET_GROUPS)),
		accessibility: z.array(z.enum(ACCESSIBILITY_FEATURES)),
		mayBeOutdated: z.boolean().meta({
			description: 'The organisation has not confirmed the offer for a long time.'
		})
	})
	.register(apiSchemas, { id: 'OfferSummary' });

const facetSchema = <T extends z.ZodType>(value: T) =>
	z.array(z.strictObject({ value, count: z.number().int().min(1) }));

export const offerListSchema = z
	.strictObject({
		lang: languageSchema,
		total: z.number().int().min(0),
		page: z.number().int().min(1),
		pageCount: z.number().int().min(1),
		pageSize: z.literal(PAGE_SIZE),
		sort: z.enum(SORTS).meta({ description: 'The order applied.' }),
		near: z
			.strictObject({ place: z.string(), radiusKm: z.number() })
			.nullable()
			.meta({ description: 'The place the radius search used, when `near` was recognised.' }),
		placeSuggestions: z.array(z.string()).meta({
			description:
				'When `near` names no known place (reported as the notice `unknownPlace`, the results then ignore the radius): the closest known place names, to retry with as `near`. Empty otherwise.'
		}),
		items: z.array(offerSummarySchema),
		facets: z
			.strictObject({
				actionFields: facetSchema(z.enum(ACTION_FIELDS)),
				languages: facetSchema(z.enum(DELIVERY_LANGUAGES)),
				targetGroups: facetSchema(z.enum(TARGET_GROUPS)),
				places: z.array(
					z.strictObject({ placeId: z.number().int(), name: z.string(), count: z.number().int() })
				)
			})
			.meta({ description: 'Results per value with the other filters applied.' }),
		notices: z.array(noticeSchema)
	})
	.register(apiSchemas, { id: 'OfferList' });

const occurrenceSchema = z.strictObject({
	startsAt: localDateTime,
	endsAt: localDateTime.nullable()
});

export const offerDetailSchema = z
	.strictObject({
		id: z.number().int(),
		slug: z.string(),
		url: z.url(),
		calendarUrl: z
			.url()
			.nullable()
			.meta({ description: 'iCalendar file of the dates; null without dates.' }),
		title: localizedTextSchema,
		summary: localizedTextSchema,
		description: localizedTextSchema.meta({ description: 'Markdown.' }),
		actionFields: z.array(z.enum(ACTION_FIELDS)),
		targetGroups: z.array(z.enum(TARGET_GROUPS)),
		languages: z.array(z.enum(DELIVERY_LANGUAGES)),
		accessibility: z.array(z.enum(ACCESSIBILITY_FEATURES)),
		languageLevel: z.enum(LANGUAGE_LEVELS).meta({ description: 'The German needed to take part.' }),
		languageLevelExit: z.enum(EXIT_LEVELS).nullable().meta({
			description: 'The level the offer leads to (a course goal); null if it names none.'
		}),
		cost: z.strictObject({
			kind: z.enum(['free', 'amount', 'reduced']),
			cents: z.number().int().nullable(),
			note: z.string().nullable()
		}),
		access: z.enum(ACCESS_KINDS),
		location: z.discriminatedUnion('kind', [
			z.strictObject({ kind: z.literal('online'), url: z.string() }),
			z.strictObject({
				kind: z.literal('address'),
				street: z.string(),
				postcode: z.string().nullable(),
				place: z.string(),
				lat: z.number(),
				lon: z.number()
			})
		]),
		district: z.string(),
		schedule: z.strictObject({
			kind: z.enum(['appointment', 'dates', 'recurring']),
			series: z.array(
				z.strictObject({
					startsAt: localDateTime,
					endsAt: localDateTime.nullable(),
					rrule: z.string().nullable().meta({ description: 'RFC 5545 recurrence rule.' })
				})
			)
		}),
		nextDates: z.array(occurrenceSchema),
		validFrom: z.iso.date().nullable(),
		validTo: z.iso.date().nullable(),
		contact: z.strictObject({
			name: z.string().nullable(),
			phone: z.string().nullable(),
			email: z.string().nullable()
		}),
		organisation: z.strictObject({
			name: z.string(),
			email: z.string().nullable(),
			phone: z.string().nullable(),
			website: z.string().nullable()
		}),
		updatedAt: instant,
		lastVerifiedAt: instant,
		mayBeOutdated: z.boolean()
	})
	.register(apiSchemas, { id: 'OfferDetail' });

export const offerResponseSchema = z
	.strictObject({ lang: languageSchema, offer: offerDetailSchema, notices: z.array(noticeSchema) })
	.register(apiSchemas, { id: 'OfferResponse' });

export const errorSchema = z
	.strictObject({
		error: z.strictObject({
			code: z.enum(['bad_request', 'not_found', 'method_not_allowed', 'internal']),
			message: z.string()
		})
	})
	.register(apiSchemas, { id: 'Error' });

/**
 * The query of `GET /offers`, for the documentation: what each parameter accepts. Parsing itself is
 * the portal's lenient `parseSearchParams` (a value outside these becomes a notice, never an error).
 */
export const offersQuerySchema = z.object({
	q: z
		.string()
		.max(MAX_QUERY_LENGTH)
		.optional()
		.meta({ description: 'Search text; every word must occur as the start of a word.' }),
	field: z
		.array(z.enum(ACTION_FIELDS))
		.optional()
		.meta({ description: 'Action fields (any of them), repeatable.' }),
	language: z
		.array(z.enum(DELIVERY_LANGUAGES))
		.optional()
		.meta({ description: 'Languages the offer is delivered in (any of them), repeatable.' }),
	group: z
		.array(z.enum(TARGET_GROUPS))
		.optional()
		.meta({ description: 'Target groups (any of them), repeatable.' }),
	free: z.literal('1').optional().meta({ description: 'Only free offers.' }),
	online: z.literal('1').optional().meta({ description: 'Only online offers.' }),
	district: z
		.string()
		.max(60)
		.optional()
		.meta({ description: 'District slug, e.g. `schleswig-flensburg` or `flensburg`.' }),
	near: z
		.string()
		.max(100)
		.optional()
		.meta({ description: 'Place name or postcode to search around.' }),
	radius: z.literal(RADII_KM).default(10).meta({ description: 'Radius around `near` in km.' }),
	sort: z
		.enum(SORTS)
		.optional()
		.meta({ description: 'Default: relevance with `q`, distance with `near`, else date.' }),
	page: z.number().int().min(1).max(MAX_PAGE).default(1),
	lang: languageSchema.default('de')
});

export const offerQuerySchema = offersQuerySchema.pick({ lang: true });

export type OfferList = z.infer<typeof offerListSchema>;
export type OfferSummary = z.infer<typeof offerSummarySchema>;
export type OfferResponse = z.infer<typeof offerResponseSchema>;
export type ApiNotice = z.infer<typeof noticeSchema>;
export type ApiError = z.infer<typeof errorSchema>;
