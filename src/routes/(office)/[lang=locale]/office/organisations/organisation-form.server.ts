import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import {
	formErrorsOf,
	organisationInputOf,
	readOrganisationForm
} from '$lib/server/organisations/organisation-form';
import type { OrganisationInput } from '$lib/server/organisations/organisations.schema';
import { OrganisationValidationError } from '$lib/server/organisations/organisations.errors';

/**
 * The save action shared by the new-organisation and profile pages: read → the domain call →
 * back to the profile, or the form again with the person's input and a message per input.
 */
export async function saveOrganisationForm(
	request: Request,
	locale: string,
	save: (input: OrganisationInput) => Promise<number>
) {
	const values = readOrganisationForm(await request.formData());
	let id: number;
	try {
		id = await save(organisationInputOf(values));
	} catch (failure) {
		if (failure instanceof OrganisationValidationError)
			return fail(400, { values, errors: formErrorsOf(failure.issues) });
		rethrowAsHttpError(failure);
	}
	redirect(303, `/${locale}/office/organisations/${id}?saved=1`);
}
