import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import {
	addContactPerson,
	listContactPersons,
	removeContactPerson,
	updateContactPerson
} from '$lib/server/organisations/contact-persons.service';
import { DELIVERY_LANGUAGES } from '$lib/server/organisations/organisations.schema';
import {
	contactFormValues,
	contactInputOf,
	formErrorsOf,
	readContactForm
} from '$lib/server/organisations/organisation-form';
import { OrganisationValidationError } from '$lib/server/organisations/organisations.errors';
import { organisationProfile } from '$lib/server/organisations/organisations.service';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/shared/forms/form-data';

const idOf = (value: unknown) => idParam(String(value ?? ''), 'office.organisations.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const profile = await organisationProfile(locals.db, user, idOf(params.id));
		const contacts = await listContactPersons(locals.db, user, profile.id);
		return {
			organisation: { id: profile.id, name: profile.name },
			contacts: contacts.map((contact) => ({ id: contact.id, values: contactFormValues(contact) })),
			empty: contactFormValues(),
			languages: DELIVERY_LANGUAGES
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	/** Adds a contact person (no contactId) or replaces one. */
	save: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const organisationId = idOf(params.id);
		const form = await request.formData();
		const contactId = formText(form, 'contactId');
		const values = readContactForm(form);
		try {
			if (contactId === '')
				await addContactPerson(locals.db, user, organisationId, contactInputOf(values));
			else
				await updateContactPerson(
					locals.db,
					user,
					organisationId,
					idOf(contactId),
					contactInputOf(values)
				);
		} catch (failure) {
			if (failure instanceof OrganisationValidationError)
				return fail(400, { contactId, values, errors: formErrorsOf(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/organisations/${organisationId}/contacts?saved=1`);
	},
	remove: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const organisationId = idOf(params.id);
		const contactId = idOf((await request.formData()).get('contactId'));
		try {
			await removeContactPerson(locals.db, user, organisationId, contactId);
		} catch (failure) {
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/organisations/${organisationId}/contacts?removed=1`);
	}
};
