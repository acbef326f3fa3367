import { fail, redirect } from '@sveltejs/kit';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import { authorizeOnChains } from '$lib/server/chains/chain-access';
import {
	chainFormErrors,
	chainFormValues,
	chainInputOf,
	readChainForm
} from '$lib/server/chains/chain-form';
import { ChainValidationError } from '$lib/server/chains/chains.errors';
import { getChain, updateChain } from '$lib/server/chains/chains.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';

const chainIdOf = (param: string) => idParam(param, 'office.chains.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const chain = await getChain(locals.db, user, chainIdOf(params.id));
		authorizeOnChains(user, 'manage', chain.districtId);
		return {
			chain: { id: chain.id, title: chain.title },
			actionFields: ACTION_FIELDS,
			values: chainFormValues(chain)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = chainIdOf(params.id);
		const values = readChainForm(await request.formData());
		try {
			await updateChain(locals.db, user, id, chainInputOf(values));
		} catch (failure) {
			if (failure instanceof ChainValidationError)
				return fail(400, { values, errors: chainFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/chains/${id}?saved=1`);
	}
};
