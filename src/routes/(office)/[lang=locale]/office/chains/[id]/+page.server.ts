import { fail } from '@sveltejs/kit';
import { canOnChains } from '$lib/server/chains/chain-access';
import { chainFormErrors } from '$lib/server/chains/chain-form';
import { ChainValidationError } from '$lib/server/chains/chains.errors';
import { getChain } from '$lib/server/chains/chains.service';
import { createTransition } from '$lib/server/chains/transitions.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { formText, positiveIdOf } from '$lib/shared/forms/form-data';
import type { Actions, PageServerLoad } from './$types';

const chainIdOf = (param: string) => idParam(param, 'office.chains.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const chain = await getChain(locals.db, user, chainIdOf(params.id));
		return { chain, mayManage: canOnChains(user, 'manage', chain.districtId) };
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	/** A new transition between two stages, undocumented until its interface page says more. */
	transition: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		const values = {
			fromStageId: formText(form, 'fromStageId', 20),
			toStageId: formText(form, 'toStageId', 20)
		};
		try {
			await createTransition(locals.db, user, chainIdOf(params.id), {
				fromStageId: positiveIdOf(values.fromStageId) ?? 0,
				toStageId: positiveIdOf(values.toStageId) ?? 0,
				referral: '',
				agreement: '',
				fromOrganisationId: null,
				toOrganisationId: null,
				fromContact: '',
				toContact: '',
				waitingWeeks: null,
				state: 'missing',
				reviewedOn: null
			});
		} catch (failure) {
			if (failure instanceof ChainValidationError)
				return fail(400, { values, errors: chainFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		return { transitionAdded: true };
	}
};
