import { z } from 'zod';
import { isCalendarDay } from '../../shared/time/wall-clock.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import type { FieldIssue } from '../../shared/errors/validation-error.js';

// Digits with the usual separators, e.g. "04642 123-45" or "+49 (0)461 87-0".
const PHONE = /^\+?[0-9][0-9 ()/.-]*$/;

/** Empty inputs mean "none": stored as null rather than as an empty string. */
const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess(
		(value) => (typeof value === 'string' && value.trim() === '' ? null : value),
		schema.nullable().default(null)
	);

/** A person in the contact directory as staff keep them. */
export const contactSchema = z.object({
	name: z.string().trim().min(1).max(200),
	roleTitle: optional(z.string().trim().max(200)),
	organisationId: optional(z.number().int().positive()),
	email: optional(z.string().trim().max(200).pipe(z.email())),
	phone: optional(
		z
			.string()
			.trim()
			.max(50)
			.regex(PHONE)
			.refine((phone) => phone.replace(/\D/g, '').length >= 5, 'too few digits')
	),
	// ISO 639 codes; any language a person speaks, not only those offers are given in.
	languages: z
		.array(z.string().regex(/^[a-z]{2,3}$/))
		.max(20)
		.default([])
		.transform((codes) => [...new Set(codes)]),
	actionFields: z
		.array(z.enum(ACTION_FIELDS))
		.default([])
		.transform((codes) => [...new Set(codes)]),
	notes: optional(z.string().trim().max(2000))
});
export type ContactFields = z.output<typeof contactSchema>;
/** A contact as a form or an API hands it in; optional fields may be missing, empty or null. */
export interface ContactInput {
	name: string;
	roleTitle?: string | null;
	organisationId?: number | null;
	email?: string | null;
	phone?: string | null;
	languages?: string[];
	actionFields?: string[];
	notes?: string | null;
}

// `web_form`: given by the person on a public form of the portal (an application to a call).
export const CONSENT_SOURCES = ['written', 'email', 'oral', 'online', 'web_form'] as const;

/** A consent to be contacted: for which purpose, since when, how it was given. */
export const consentSchema = (today: string) =>
	z.object({
		purposeId: z.number().int().positive(),
		givenOn: z
			.string()
			.refine(isCalendarDay, 'not a date')
			.refine((day) => day <= today, 'in the future'),
		source: z.enum(CONSENT_SOURCES)
	});

export const withdrawalSchema = (today: string, givenOn: string) =>
	z.object({
		withdrawnOn: z
			.string()
			.refine(isCalendarDay, 'not a date')
			.refine((day) => day <= today, 'in the future')
			.refine((day) => day >= givenOn, 'before consent was given')
	});

/** An entry of the record of processing purposes (Art. 30 DSGVO). */
export const purposeSchema = z.object({
	key: z
		.string()
		.trim()
		.regex(/^[a-z][a-z0-9_]{1,39}$/),
	name: z.string().trim().min(1).max(200),
	description: z.string().trim().min(1).max(2000),
	legalBasis: z.string().trim().min(1).max(300),
	dataCategories: z.string().trim().min(1).max(1000),
	retention: z.string().trim().min(1).max(500)
});
export type PurposeFields = z.output<typeof purposeSchema>;

/** zod's issues as the domain reports them: an input, a message, its code and limit. */
export function issuesOf(error: z.ZodError): FieldIssue[] {
	return error.issues.map((issue) => ({
		path: String(issue.path[0] ?? ''),
		message: issue.message,
		code: issue.code,
		...('maximum' in issue ? { limit: Number(issue.maximum) } : {}),
		...('minimum' in issue ? { limit: Number(issue.minimum) } : {})
	}));
}
