import type { FormError } from '../../shared/forms/form-error.js';
import { formList, formText, formTexts, optionalNumberOf } from '../../shared/forms/form-data.js';
import { firstErrorPerInput } from '../../shared/forms/form-errors.js';
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
const codes = (form: FormData, name: string) =>
	formList(form, name, { count: 40, itemMax: 40, drop: true });

export function readContactForm(form: FormData): ContactFormValues {
	return {
		...formTexts(form, CONTACT_INPUTS, MAX_INPUT),
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
	return { ...values, organisationId: optionalNumberOf(values.organisationId) };
}

export function readPurposeForm(form: FormData): PurposeFormValues {
	return formTexts(form, PURPOSE_INPUTS, MAX_INPUT);
}

export function purposeFormValues(purpose?: Purpose): PurposeFormValues {
	return Object.fromEntries(
		PURPOSE_INPUTS.map((name) => [name, purpose?.[name] ?? ''])
	) as PurposeFormValues;
}

export function readConsentForm(form: FormData): ConsentFormValues {
	return {
		purposeId: formText(form, 'purposeId', MAX_INPUT),
		givenOn: formText(form, 'givenOn', MAX_INPUT),
		source: formText(form, 'source', MAX_INPUT)
	};
}

export function consentInputOf(values: ConsentFormValues) {
	return { ...values, purposeId: optionalNumberOf(values.purposeId) ?? undefined };
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
	return firstErrorPerInput(issues, (issue) => {
		const input = issue.path || 'name';
		return [`${prefix}${input}`, contactError(issue, input)];
	});
}

function contactError(issue: FieldIssue, input: string): FormError {
	if (issue.code === 'taken' && input === 'purposeId')
		return { key: 'office.directory.error.purposeTaken' };
	if (issue.code === 'taken' && input === 'key') return { key: 'office.directory.error.keyTaken' };
	if (issue.code === 'too_big' && issue.limit !== undefined && !SPECIFIC.has(input))
		return { key: 'office.directory.error.tooLong', params: { max: issue.limit } };
	if (SPECIFIC.has(input))
		return { key: `office.directory.error.${input as (typeof SPECIFIC_INPUTS)[number]}` };
	if (issue.code === 'too_small') return { key: 'office.directory.error.required' };
	return { key: 'office.directory.error.invalid' };
}
