import { fail, redirect } from '@sveltejs/kit';
import { authorizeOnChains } from '$lib/server/chains/chain-access';
import { ChainValidationError } from '$lib/server/chains/chains.errors';
import { getChain } from '$lib/server/chains/chains.service';
import { createReview, reviewMeetingChoices } from '$lib/server/chains/reviews.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { formTexts, positiveIdOf } from '$lib/shared/forms/form-data';
import { chainFormErrors } from '$lib/server/chains/chain-form';
import { chainIdOf } from '../../chain-forms.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const chain = await getChain(locals.db, user, chainIdOf(params.id));
		authorizeOnChains(user, 'manage', chain.districtId);
		return {
			chain: { id: chain.id, title: chain.title },
			meetings: await reviewMeetingChoices(locals.db, user)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = formTexts(await request.formData(), ['meetingId', 'summary'], 5_000);
		let id: number;
		try {
			id = await createReview(locals.db, user, chainIdOf(params.id), {
				meetingId: positiveIdOf(values.meetingId) ?? 0,
				summary: values.summary
			});
		} catch (failure) {
			if (failure instanceof ChainValidationError)
				return fail(400, { values, errors: chainFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/chains/${params.id}/reviews/${id}?created=1`);
	}
};
