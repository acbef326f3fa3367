import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { contactInputOf, formErrorsOf, readContactForm } from '$lib/server/directory/contact-form';
import { ContactValidationError } from '$lib/server/directory/contacts.errors';
import type { ContactInput } from '$lib/server/directory/contacts.schema';
import { DELIVERY_LANGUAGES } from '$lib/server/organisations/organisations.schema';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';

/** The languages a person can be marked with: those of offers, and any they already have. */
export const languageChoices = (current: readonly string[] = []) => [
	...new Set([...DELIVERY_LANGUAGES, ...current])
];
export const actionFieldChoices = ACTION_FIELDS;

/**
 * The save action shared by the new-person and person pages: read → the domain call → back to
 * the person, or the form again with the input and a message per input.
 */
export async function saveContactForm(
	request: Request,
	locale: string,
	save: (input: ContactInput) => Promise<number>,
	notice: 'created' | 'saved'
) {
	const values = readContactForm(await request.formData());
	let id: number;
	try {
		id = await save(contactInputOf(values));
	} catch (failure) {
		if (failure instanceof ContactValidationError)
			return fail(400, { form: 'contact', values, errors: formErrorsOf(failure.issues) });
		rethrowAsHttpError(failure);
	}
	redirect(303, `/${locale}/office/contacts/${id}?${notice}=1`);
}
