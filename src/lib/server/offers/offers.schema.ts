import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import { z } from 'zod';
import { DELIVERY_LANGUAGES } from '../organisations/organisations.schema.js';
import { isCalendarDay, isWallClockTime } from '../../shared/time/wall-clock.js';

export const TARGET_GROUPS = [
	'newcomers',
	'refugees',
	'women',
	'men',
	'families',
	'children',
	'youth',
	'seniors',
	'skilled_workers',
	'students',
	'volunteers',
	'professionals'
] as const;

/** Levels in rising order: an offer's entry and exit levels compare by their place here. */
export const LANGUAGE_LEVELS = ['none', 'A1', 'A2', 'B1', 'B2', 'C1'] as const;
type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
export const ACCESS_KINDS = ['walk_in', 'registration', 'referral'] as const;
export const ACCESSIBILITY_FEATURES = [
	'wheelchair',
	'accessible_toilet',
	'childcare',
	'hearing_loop',
	'sign_language',
	'easy_language',
	'near_public_transport',
	'parking'
] as const;
/** Public state of the offers row; where a change stands in review lives on its revision. */
export const OFFER_STATUSES = ['draft', 'published', 'archived'] as const;

/** Changes whenever a published offer's filterable data may have changed (see search/offer-index). */
export const OFFERS_VERSION_SETTING = 'offers.version';

/** The text analysis that made the stored search entries (see `reindexAllOffersIfAnalysisChanged`). */
export const SEARCH_ANALYSIS_SETTING = 'search.analysis';

/** The lists an offer is filed under, each a set of codes from the constants above. */
export interface OfferRelations {
	actionFields: string[];
	targetGroups: string[];
	languages: string[];
	accessibility: string[];
}

/** The levels an offer can lead to: 'none' is no level reached. */
export const EXIT_LEVELS = LANGUAGE_LEVELS.filter(
	(level): level is Exclude<LanguageLevel, 'none'> => level !== 'none'
);

/** An offer leads above the level it asks for; naming no exit level says nothing. */
const leadsAboveEntry = (entry: LanguageLevel, exit: LanguageLevel | null) =>
	exit === null || LANGUAGE_LEVELS.indexOf(exit) > LANGUAGE_LEVELS.indexOf(entry);
/** Whether both levels parsed, so the rule between them can be checked beside other problems. */
const levelsParsed = (issues: readonly { path?: readonly PropertyKey[] }[]) =>
	!issues.some(
		({ path }) => !path?.length || path[0] === 'languageLevel' || path[0] === 'languageLevelExit'
	);

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

// A day that exists (no 30 February) and, if given, a time of day that does.
const localDateTime = z.string().regex(LOCAL_DATE_TIME).refine(isWallClockTime, 'no such date');
const localDate = z.string().regex(DATE).refine(isCalendarDay, 'no such date');

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const scheduleEntrySchema = z
	.object({
		startsAt: localDateTime,
		endsAt: localDateTime.optional(),
		rrule: z.string().trim().max(500).optional()
	})
	.refine((entry) => !entry.endsAt || entry.endsAt > entry.startsAt, {
		message: 'end must be after start',
		path: ['endsAt']
	});
export type ScheduleEntry = z.infer<typeof scheduleEntrySchema>;

/** An offer as partners, the API and the importers submit it; German source text only. */
export const offerInputSchema = z
	.object({
		organisationId: z.number().int().positive(),
		title: text(200),
		summary: text(500),
		description: z.string().trim().max(10_000),
		actionFields: z.array(z.enum(ACTION_FIELDS)).min(1).max(9),
		targetGroups: z.array(z.enum(TARGET_GROUPS)).max(12).default([]),
		languages: z.array(z.enum(DELIVERY_LANGUAGES)).min(1),
		languageLevel: z.enum(LANGUAGE_LEVELS),
		/** The level the offer leads to (a course's goal); null where it names none. */
		languageLevelExit: z.enum(LANGUAGE_LEVELS).nullable().default(null),
		cost: z.discriminatedUnion('kind', [
			z.object({ kind: z.literal('free') }),
			z.object({
				kind: z.literal('amount'),
				cents: z.number().int().min(0),
				note: optionalText(300)
			}),
			z.object({
				kind: z.literal('reduced'),
				cents: z.number().int().min(0),
				note: optionalText(300)
			})
		]),
		access: z.enum(ACCESS_KINDS),
		accessibility: z.array(z.enum(ACCESSIBILITY_FEATURES)).default([]),
		location: z.discriminatedUnion('kind', [
			z.object({
				kind: z.literal('address'),
				street: text(200),
				placeId: z.number().int().positive()
			}),
			// Only web links: a javascript: URL would become a clickable link on the offer page.
			z.object({ kind: z.literal('online'), url: z.url({ protocol: /^https?$/ }).max(500) })
		]),
		schedule: z.discriminatedUnion('kind', [
			z.object({ kind: z.literal('appointment') }),
			z.object({ kind: z.literal('dates'), entries: z.array(scheduleEntrySchema).min(1).max(200) }),
			z.object({
				kind: z.literal('recurring'),
				entries: z.array(scheduleEntrySchema).min(1).max(20)
			})
		]),
		validFrom: localDate.optional(),
		validTo: localDate.optional(),
		contact: z
			.object({
				name: optionalText(200),
				phone: optionalText(50),
				email: z.string().trim().email().max(200).optional()
			})
			.default({}),
		status: z.enum(OFFER_STATUSES).default('draft')
	})
	.refine((offer) => !offer.validFrom || !offer.validTo || offer.validTo >= offer.validFrom, {
		message: 'valid to must not be before valid from',
		path: ['validTo']
	})
	.refine((offer) => leadsAboveEntry(offer.languageLevel, offer.languageLevelExit), {
		message: 'exit level must be above the entry level',
		path: ['languageLevelExit'],
		when: ({ issues }) => levelsParsed(issues)
	});
export type OfferInput = z.input<typeof offerInputSchema>;
