import { z } from 'zod';
import { LOCALES, SOURCE_LOCALE } from '../../i18n/locales.js';
import { parseWith } from '../../shared/errors/schema-issues.js';
import { isCalendarDay } from '../../shared/time/wall-clock.js';
import { CallValidationError } from './calls.errors.js';
import { APPLICATION_STATUSES } from './calls.table.js';

/** The portal's languages a call's title and text are translated into. */
export const CALL_TARGET_LOCALES = LOCALES.filter((locale) => locale !== SOURCE_LOCALE);
export type CallTargetLocale = (typeof CALL_TARGET_LOCALES)[number];

/** The public texts of a call, with the longest each may be. */
export const CALL_TEXT_FIELDS = { title: 200, text: 10_000, eligibility: 2_000 } as const;
export type CallTextField = keyof typeof CALL_TEXT_FIELDS;

export const MAX_SEATS_SOUGHT = 500;

const optionalId = z.preprocess(
	(value) => (value === '' || value === undefined ? null : value),
	z.number().int().positive().nullable()
);

/** A call as coordinators write it; the slug is made from the title once. */
export const callSchema = z.object({
	committeeId: z.number().int().positive(),
	termId: optionalId,
	title: z.string().trim().min(1).max(CALL_TEXT_FIELDS.title),
	text: z.string().trim().min(1).max(CALL_TEXT_FIELDS.text),
	seatsSought: z.number().int().min(1).max(MAX_SEATS_SOUGHT),
	eligibility: z.string().trim().max(CALL_TEXT_FIELDS.eligibility).default(''),
	deadline: z.string().refine(isCalendarDay, 'not_a_day')
});
export type CallFields = z.output<typeof callSchema>;
export type CallInput = z.input<typeof callSchema>;

/** A call's translations per language and field; `confirmed` lists `<locale>.<field>`. */
export const callTranslationsSchema = z.object({
	translations: z
		.partialRecord(
			z.enum(CALL_TARGET_LOCALES),
			z.partialRecord(z.enum(['title', 'text', 'eligibility']), z.string().trim().max(20_000))
		)
		.default({}),
	confirmed: z.array(z.string().max(40)).max(100).default([])
});
export type CallTranslationsInput = z.input<typeof callTranslationsSchema>;

// Digits with the usual separators, as the directory accepts them.
const PHONE = /^\+?[0-9][0-9 ()/.-]*$/;
const blankToNull = (value: unknown) =>
	typeof value === 'string' && value.trim() === '' ? null : value;

/**
 * What a visitor sends with the application form. E-mail or phone, at least one; the consent
 * to the purpose must be ticked. Language codes are ISO 639-1 as the directory keeps them.
 */
export const applicationSchema = z
	.object({
		name: z.string().trim().min(1).max(200),
		email: z.preprocess(blankToNull, z.string().trim().max(200).pipe(z.email()).nullable()),
		phone: z.preprocess(
			blankToNull,
			z
				.string()
				.trim()
				.max(50)
				.regex(PHONE)
				.refine((phone) => phone.replace(/\D/g, '').length >= 5, 'too_few_digits')
				.nullable()
		),
		placeId: z.preprocess(blankToNull, z.number().int().positive().nullable()),
		languages: z
			.array(z.string().regex(/^[a-z]{2,3}$/))
			.max(20)
			.default([])
			.transform((codes) => [...new Set(codes)]),
		message: z.string().trim().min(1).max(5_000),
		consent: z.boolean().refine((given) => given, 'consent_missing')
	})
	.refine((value) => value.email != null || value.phone != null, {
		path: ['email'],
		message: 'no_contact_way',
		// Said together with the other problems, so the visitor fixes everything at once.
		when: () => true
	});
export type ApplicationFields = z.output<typeof applicationSchema>;
export type ApplicationInput = z.input<typeof applicationSchema>;

export const applicationStatusSchema = z.enum(APPLICATION_STATUSES);

/** Parses a calls input or throws CallValidationError with the field-specific codes. */
export const parseCallInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> =>
	parseWith(schema, input, (issues) => new CallValidationError(issues));
