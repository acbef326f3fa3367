import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { organisationFormValues } from '$lib/server/organisations/organisation-form';
import {
	organisationFormOptions,
	organisationProfile,
	updateOrganisation
} from '$lib/server/organisations/organisations.service';
import { reindexOffersOfOrganisation } from '$lib/server/offers/offers.service';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { saveOrganisationForm } from '../organisation-form.server';
import type { Actions, PageServerLoad } from './$types';

const organisationIdOf = (param: string) => idParam(param, 'office.organisations.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const profile = await organisationProfile(locals.db, user, organisationIdOf(params.id));
		return {
			profile,
			values: organisationFormValues(profile),
			options: profile.may.edit ? await organisationFormOptions(locals.db) : null
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = organisationIdOf(params.id);
		return saveOrganisationForm(request, locals.locale, async (input) => {
			await updateOrganisation(locals.db, user, id, input, reindexOffersOfOrganisation);
			return id;
		});
	}
};
