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
import { ORGANISATION_KINDS } from '../organisations/organisations.schema.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';

/** The shape of `content/demo/*.json`, described for authors in content/demo/FORMAT.md. */
const ags = z.string().regex(/^\d{8}$/);
const time = z.string().regex(/^\d{2}:\d{2}$/);

export const demoOrganisationSchema = z.object({
	key: z.string().min(1),
	name: z.string().min(1),
	kind: z.enum(ORGANISATION_KINDS),
	email: z.string().optional(),
	phone: z.string().optional(),
	website: z.string().optional(),
	street: z.string().optional(),
	postcode: z.string().optional(),
	place: ags.optional()
});

const texts = z.object({
	title: z.string().min(1),
	summary: z.string().min(1),
	description: z.string().min(1)
});

export const demoOfferSchema = z.object({
	key: z.string().min(1),
	organisation: z.string().min(1),
	title: z.string().min(1),
	summary: z.string().min(1),
	description: z.string(),
	actionFields: z.array(z.enum(ACTION_FIELDS)).min(1),
	targetGroups: z.array(z.enum(TARGET_GROUPS)).default([]),
	languages: z.array(z.enum(DELIVERY_LANGUAGES)).min(1),
	languageLevel: z.enum(LANGUAGE_LEVELS),
	languageLevelExit: z.enum(EXIT_LEVELS).optional(),
	cost: z.discriminatedUnion('kind', [
		z.object({ kind: z.literal('free') }),
		z.object({ kind: z.literal('amount'), euro: z.number().min(0), note: z.string().optional() }),
		z.object({ kind: z.literal('reduced'), euro: z.number().min(0), note: z.string().optional() })
	]),
	access: z.enum(ACCESS_KINDS),
	accessibility: z.array(z.enum(ACCESSIBILITY_FEATURES)).default([]),
	location: z.union([
		z.object({ online: z.literal(true), url: z.string().url() }),
		z.object({ street: z.string().min(1), place: ags })
	]),
	schedule: z.discriminatedUnion('kind', [
		z.object({ kind: z.literal('appointment') }),
		z.object({
			kind: z.literal('dates'),
			dates: z
				.array(
					z.object({
						inDays: z.number().int().min(0),
						time,
						durationMinutes: z.number().int().positive()
					})
				)
				.min(1)
		}),
		z.object({
			kind: z.literal('recurring'),
			rrule: z.string().min(1),
			time,
			durationMinutes: z.number().int().positive()
		})
	]),
	validMonths: z.number().int().positive().optional(),
	/** Taken off the portal this many months before the seeding day. */
	archivedMonthsAgo: z.number().int().positive().optional(),
	contact: z
		.object({
			name: z.string().optional(),
			phone: z.string().optional(),
			email: z.string().optional()
		})
		.default({}),
	translations: z.partialRecord(z.enum(LOCALES), texts).default({})
});

export const demoFileSchema = z.object({
	organisations: z.array(demoOrganisationSchema),
	offers: z.array(demoOfferSchema)
});

export const demoPageSchema = z.object({
	organisation: demoOrganisationSchema,
	page: z.object({ title: z.string(), summary: z.string(), body: z.string() }),
	contacts: z.array(
		z.object({
			name: z.string(),
			role: z.string(),
			email: z.string().optional(),
			phone: z.string().optional(),
			room: z.string().optional(),
			languages: z.array(z.string()).default([]),
			roleTranslations: z.partialRecord(z.enum(LOCALES), z.string()).default({})
		})
	),
	translations: z.partialRecord(
		z.enum(LOCALES),
		z.object({ title: z.string(), summary: z.string(), body: z.string() })
	)
});

export type DemoFile = z.infer<typeof demoFileSchema>;
export type DemoOffer = z.infer<typeof demoOfferSchema>;
export type DemoOrganisation = z.infer<typeof demoOrganisationSchema>;
