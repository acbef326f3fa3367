import type { FormError } from '../../shared/forms/form-error.js';
import type { FieldIssue } from '../../shared/errors/validation-error.js';
import type { ContactInput } from './contacts.schema.js';
import type { ContactDetail } from './contacts.service.js';
import type { Purpose } from './purposes.service.js';

/**
 * The directory's forms as plain values (what the person typed, re-shown on errors) and the
 * domain's issues as one message per input, keyed by the input's id.
 */
export const CONTACT_INPUTS = [
	'name',
	'roleTitle',
	'organisationId',
	'email',
	'phone',
	'notes'
] as const;
export type ContactFormValues = Record<(typeof CONTACT_INPUTS)[number], string> & {
	languages: string[];
	actionFields: string[];
};

export const PURPOSE_INPUTS = [
	'key',
	'name',
	'description',
	'legalBasis',
	'dataCategories',
	'retention'
] as const;
export type PurposeFormValues = Record<(typeof PURPOSE_INPUTS)[number], string>;

export interface ConsentFormValues {
	purposeId: string;
	givenOn: string;
	source: string;
}

const MAX_INPUT = 3000;
const text = (form: FormData, name: string) => String(form.get(name) ?? '').slice(0, MAX_INPUT);
const codes = (form: FormData, name: string) =>
	form
		.getAll(name)
		.map(String)
		.filter((code) => code.length <= 40)
		.slice(0, 40);
// Anything but a whole number is left for the domain's validation to name.
const idOf = (value: string) =>
	value.trim() === '' ? null : /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;

export function readContactForm(form: FormData): ContactFormValues {
	return {
		...(Object.fromEntries(CONTACT_INPUTS.map((name) => [name, text(form, name)])) as Record<
			(typeof CONTACT_INPUTS)[number],
			string
		>),
		languages: codes(form, 'languages'),
		actionFields: codes(form, 'actionFields')
	};
}

export function contactFormValues(contact?: ContactDetail): ContactFormValues {
	return {
		name: contact?.name ?? '',
		roleTitle: contact?.roleTitle ?? '',
		organisationId: contact?.organisationId ? String(contact.organisationId) : '',
		email: contact?.contactData?.email ?? '',
		phone: contact?.contactData?.phone ?? '',
		notes: contact?.notes ?? '',
		languages: contact ? [...contact.languages] : [],
		actionFields: contact ? [...contact.actionFields] : []
	};
}

export function contactInputOf(values: ContactFormValues): ContactInput {
	return { ...values, organisationId: idOf(values.organisationId) };
}

export function readPurposeForm(form: FormData): PurposeFormValues {
	return Object.fromEntries(
		PURPOSE_INPUTS.map((name) => [name, text(form, name)])
	) as PurposeFormValues;
}

export function purposeFormValues(purpose?: Purpose): PurposeFormValues {
	return Object.fromEntries(
		PURPOSE_INPUTS.map((name) => [name, purpose?.[name] ?? ''])
	) as PurposeFormValues;
}

export function readConsentForm(form: FormData): ConsentFormValues {
	return {
		purposeId: text(form, 'purposeId'),
		givenOn: text(form, 'givenOn'),
		source: text(form, 'source')
	};
}

export function consentInputOf(values: ConsentFormValues) {
	return { ...values, purposeId: idOf(values.purposeId) ?? undefined };
}

// Inputs whose rule is more than "filled in" and "not too long" get a message of their own.
const SPECIFIC_INPUTS = [
	'email',
	'phone',
	'organisationId',
	'languages',
	'actionFields',
	'purposeId',
	'givenOn',
	'source',
	'withdrawnOn',
	'key'
] as const;
const SPECIFIC = new Set<string>(SPECIFIC_INPUTS);

/** One message per input (the first problem found for it); `prefix` namespaces the ids. */
export function formErrorsOf(issues: FieldIssue[], prefix = ''): Record<string, FormError> {
	const errors: Record<string, FormError> = {};
	for (const issue of issues) {
		const input = issue.path || 'name';
		const id = `${prefix}${input}`;
		if (errors[id]) continue;
		if (issue.code === 'taken' && input === 'purposeId')
			errors[id] = { key: 'office.directory.error.purposeTaken' };
		else if (issue.code === 'taken' && input === 'key')
			errors[id] = { key: 'office.directory.error.keyTaken' };
		else if (issue.code === 'too_big' && issue.limit !== undefined && !SPECIFIC.has(input))
			errors[id] = { key: 'office.directory.error.tooLong', params: { max: issue.limit } };
		else if (SPECIFIC.has(input))
			errors[id] = {
				key: `office.directory.error.${input as (typeof SPECIFIC_INPUTS)[number]}`
			};
		else if (issue.code === 'too_small') errors[id] = { key: 'office.directory.error.required' };
		else errors[id] = { key: 'office.directory.error.invalid' };
	}
	return errors;
}
