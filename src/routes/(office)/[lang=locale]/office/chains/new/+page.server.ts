import { fail, redirect } from '@sveltejs/kit';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import { authorizeOnChains } from '$lib/server/chains/chain-access';
import {
	chainFormErrors,
	chainInputOf,
	emptyChainForm,
	readChainForm
} from '$lib/server/chains/chain-form';
import { ChainValidationError } from '$lib/server/chains/chains.errors';
import { createChain } from '$lib/server/chains/chains.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		authorizeOnChains(user, 'manage', user.districtId);
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
	return { actionFields: ACTION_FIELDS, values: emptyChainForm() };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = readChainForm(await request.formData());
		let id: number;
		try {
			id = await createChain(locals.db, user, chainInputOf(values));
		} catch (failure) {
			if (failure instanceof ChainValidationError)
				return fail(400, { values, errors: chainFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/chains/${id}?saved=1`);
	}
};
