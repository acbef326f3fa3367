import { contactFormValues } from '$lib/server/directory/contact-form';
import {
	contactFormOptions,
	createContact,
	mayManageContacts
} from '$lib/server/directory/contacts.service';
import { errorPage } from '$lib/server/http/error-page';
import { requireUser } from '$lib/server/http/route-guards';
import { actionFieldChoices, languageChoices, saveContactForm } from '../contact-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	if (!mayManageContacts(user)) errorPage(403, 'office.forbidden');
	return {
		values: contactFormValues(),
		organisations: (await contactFormOptions(locals.db, user)).organisations,
		languages: languageChoices(),
		actionFields: actionFieldChoices
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const { db } = locals;
		return saveContactForm(
			request,
			locals.locale,
			(input) => createContact(db, user, input),
			'created'
		);
	}
};
