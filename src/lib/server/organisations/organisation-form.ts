import type { ContactPerson, ContactPersonInput } from './contact-persons.service.js';
import type { FieldIssue } from '../../shared/errors/validation-error.js';
import type { FormError } from '../../shared/forms/form-error.js';
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
const text = (form: FormData, name: string) => String(form.get(name) ?? '').slice(0, MAX_INPUT);

export function readOrganisationForm(form: FormData): OrganisationFormValues {
	return Object.fromEntries(
		PROFILE_INPUTS.map((name) => [name, text(form, name)])
	) as OrganisationFormValues;
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
	const placeId = values.placeId.trim();
	return {
		...values,
		// Anything but a whole number is left for the domain's validation to name.
		placeId: placeId === '' ? null : /^\d+$/.test(placeId) ? Number(placeId) : Number.NaN
	};
}

export function readContactForm(form: FormData): ContactFormValues {
	return {
		...(Object.fromEntries(CONTACT_INPUTS.map((name) => [name, text(form, name)])) as Record<
			(typeof CONTACT_INPUTS)[number],
			string
		>),
		languages: form
			.getAll('languages')
			.map(String)
			.filter((code) => code.length <= 10)
			.slice(0, 30)
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
	const errors: Record<string, FormError> = {};
	for (const issue of issues) {
		const input = issue.path.split('.')[0] || 'name';
		if (errors[input]) continue;
		if (issue.code === 'too_big' && issue.limit !== undefined && input !== 'languages')
			errors[input] = {
				key: 'office.organisationForm.error.tooLong',
				params: { max: issue.limit }
			};
		else if (SPECIFIC.has(input))
			errors[input] = {
				key: `office.organisationForm.error.${input as (typeof SPECIFIC_INPUTS)[number]}`
			};
		else if (issue.code === 'too_small')
			errors[input] = { key: 'office.organisationForm.error.required' };
		else errors[input] = { key: 'office.organisationForm.error.invalid' };
	}
	return errors;
}
