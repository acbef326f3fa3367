import { offerFormOptions } from '$lib/server/offers/offer-desk.service';
import { emptyOfferForm } from '$lib/server/offers/offer-form';
import { createOfferDraft } from '$lib/server/offers/workflow.service';
import { errorPage } from '$lib/server/http/error-page';
import { requireUser } from '$lib/server/http/route-guards';
import { saveOfferForm } from '../offer-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	const options = await offerFormOptions(locals.db, user);
	if (user.role === 'viewer' || options.organisations.length === 0)
		errorPage(403, 'office.forbidden');
	return {
		options,
		values: emptyOfferForm(
			options.organisations.length === 1 ? String(options.organisations[0]!.id) : ''
		)
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		return saveOfferForm(request, locals.locale, null, (content) =>
			createOfferDraft(locals.db, user, content)
		);
	}
};
