import type { ContactPerson, ContactPersonInput } from './contact-persons.service.js';
import type { FieldIssue } from '../../shared/errors/validation-error.js';
import type { FormError } from '../../shared/forms/form-error.js';
import { formList, formTexts, optionalNumberOf } from '../../shared/forms/form-data.js';
import { firstErrorPerInput } from '../../shared/forms/form-errors.js';
import type { OrganisationFields, OrganisationInput } from './organisations.schema.js';

/**
 * The organisation profile and contact person forms as plain values (what the person typed,
 * re-shown on errors) and the domain's validation issues as one message per input.
 */
export const PROFILE_INPUTS = [
	'name',
	'kind',
	'email',
	'phone',
	'website',
	'street',
	'postcode',
	'placeId'
] as const;
export type OrganisationFormValues = Record<(typeof PROFILE_INPUTS)[number], string>;

export const CONTACT_INPUTS = ['name', 'role', 'email', 'phone', 'room'] as const;
export type ContactFormValues = Record<(typeof CONTACT_INPUTS)[number], string> & {
	languages: string[];
};

const MAX_INPUT = 1000;

export function readOrganisationForm(form: FormData): OrganisationFormValues {
	return formTexts(form, PROFILE_INPUTS, MAX_INPUT);
}

export function organisationFormValues(profile?: OrganisationFields): OrganisationFormValues {
	return {
		name: profile?.name ?? '',
		kind: profile?.kind ?? '',
		email: profile?.email ?? '',
		phone: profile?.phone ?? '',
		website: profile?.website ?? '',
		street: profile?.street ?? '',
		postcode: profile?.postcode ?? '',
		placeId: profile?.placeId ? String(profile.placeId) : ''
	};
}

export function organisationInputOf(values: OrganisationFormValues): OrganisationInput {
	return { ...values, placeId: optionalNumberOf(values.placeId) };
}

export function readContactForm(form: FormData): ContactFormValues {
	return {
		...formTexts(form, CONTACT_INPUTS, MAX_INPUT),
		languages: formList(form, 'languages', { count: 30, itemMax: 10, drop: true })
	};
}

export function contactFormValues(contact?: ContactPerson): ContactFormValues {
	return {
		name: contact?.name ?? '',
		role: contact?.role ?? '',
		email: contact?.email ?? '',
		phone: contact?.phone ?? '',
		room: contact?.room ?? '',
		languages: contact ? [...contact.languages] : []
	};
}

export function contactInputOf(values: ContactFormValues): ContactPersonInput {
	return { ...values };
}

// Inputs whose rule is more than "filled in" and "not too long" get a message of their own.
const SPECIFIC_INPUTS = [
	'kind',
	'email',
	'phone',
	'website',
	'postcode',
	'placeId',
	'languages'
] as const;
const SPECIFIC = new Set<string>(SPECIFIC_INPUTS);

/** One message per input (the first problem zod found for it), keyed by the input's name. */
export function formErrorsOf(issues: FieldIssue[]): Record<string, FormError> {
	return firstErrorPerInput(issues, (issue) => {
		const input = issue.path.split('.')[0] || 'name';
		return [input, organisationError(issue, input)];
	});
}

function organisationError(issue: FieldIssue, input: string): FormError {
	if (issue.code === 'too_big' && issue.limit !== undefined && input !== 'languages')
		return { key: 'office.organisationForm.error.tooLong', params: { max: issue.limit } };
	if (SPECIFIC.has(input))
		return {
			key: `office.organisationForm.error.${input as (typeof SPECIFIC_INPUTS)[number]}`
		};
	if (issue.code === 'too_small') return { key: 'office.organisationForm.error.required' };
	return { key: 'office.organisationForm.error.invalid' };
}
