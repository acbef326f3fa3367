import { z } from 'zod';
import type { FieldIssue } from '../../shared/errors/validation-error.js';

/** Languages a provider's people speak and its offers are delivered in (ISO 639-1). */
export const DELIVERY_LANGUAGES = [
	'de',
	'en',
	'ar',
	'uk',
	'ru',
	'tr',
	'fa',
	'ku',
	'ti',
	'so',
	'pl',
	'ro',
	'bg',
	'fr',
	'sq',
	'da',
	'es',
	'ps'
] as const;

export const ORGANISATION_KINDS = [
	'provider',
	'association',
	'authority',
	'migrant_organisation',
	'municipality',
	'education',
	'religious',
	'other'
] as const;

// Digits with the usual separators, e.g. "04642 123-45" or "+49 (0)4621 87-0".
const PHONE = /^\+?[0-9][0-9 ()/.-]*$/;

/** Empty inputs mean "none": stored as null rather than as an empty string. */
const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess(
		(value) => (typeof value === 'string' && value.trim() === '' ? null : value),
		schema.nullable().default(null)
	);

const isWebAddress = (value: string) => {
	try {
		const url = new URL(value);
		return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
	} catch {
		return false;
	}
};

/** An organisation's profile (Träger) as partners and coordinators keep it. */
export const organisationProfileSchema = z.object({
	name: z.string().trim().min(1).max(200),
	kind: z.enum(ORGANISATION_KINDS),
	email: optional(z.string().trim().max(200).pipe(z.email())),
	phone: optional(
		z
			.string()
			.trim()
			.max(50)
			.regex(PHONE)
			.refine((phone) => phone.replace(/\D/g, '').length >= 5, 'too few digits')
	),
	website: optional(
		z.string().trim().max(500).refine(isWebAddress, 'must be an http or https address')
	),
	street: optional(z.string().trim().max(200)),
	postcode: optional(
		z
			.string()
			.trim()
			.regex(/^\d{5}$/)
	),
	placeId: optional(z.number().int().positive())
});

/** A profile as the form or an API hands it in; optional fields may be missing, empty or null. */
export interface OrganisationInput {
	name: string;
	kind: string;
	email?: string | null;
	phone?: string | null;
	website?: string | null;
	street?: string | null;
	postcode?: string | null;
	placeId?: number | null;
}
export type OrganisationFields = z.output<typeof organisationProfileSchema>;

/** zod's issues as the domain reports them: a path, a message, its code and limit. */
export function issuesOf(error: z.ZodError): FieldIssue[] {
	return error.issues.map((issue) => ({
		path: issue.path.join('.'),
		message: issue.message,
		code: issue.code,
		...('maximum' in issue ? { limit: Number(issue.maximum) } : {}),
		...('minimum' in issue ? { limit: Number(issue.minimum) } : {})
	}));
}
