import { organisationFormValues } from '$lib/server/organisations/organisation-form';
import {
	createOrganisation,
	mayCreateOrganisation,
	organisationFormOptions
} from '$lib/server/organisations/organisations.service';
import { errorPage } from '$lib/server/http/error-page';
import { requireUser } from '$lib/server/http/route-guards';
import { saveOrganisationForm } from '../organisation-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	if (!mayCreateOrganisation(user)) errorPage(403, 'office.forbidden');
	return {
		values: organisationFormValues(),
		options: await organisationFormOptions(locals.db)
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		return saveOrganisationForm(request, locals.locale, (input) =>
			createOrganisation(locals.db, user, input)
		);
	}
};
