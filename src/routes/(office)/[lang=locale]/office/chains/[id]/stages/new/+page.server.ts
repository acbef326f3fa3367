import { authorizeOnChains } from '$lib/server/chains/chain-access';
import { emptyStageForm } from '$lib/server/chains/chain-form';
import { getChain } from '$lib/server/chains/chains.service';
import { createStage } from '$lib/server/chains/stages.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { positiveIdOf } from '$lib/shared/forms/form-data';
import { stageFormActions, stageFormChoices } from '../stage-form.server';
import type { Actions, PageServerLoad } from './$types';

const chainIdOf = (param: string) => idParam(param, 'office.chains.notFound');

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const chain = await getChain(locals.db, user, chainIdOf(params.id));
		authorizeOnChains(user, 'manage', chain.districtId);
		// A new stage usually follows the last one; `?after=` names another.
		const after =
			positiveIdOf(url.searchParams.get('after') ?? '') ?? chain.stages.at(-1)?.id ?? null;
		const follows = chain.stages.some((stage) => stage.id === after) ? [after!] : [];
		return {
			...(await stageFormChoices(locals.db, user, chain, null)),
			values: emptyStageForm(follows)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = stageFormActions((user, input, { locals, params }) =>
	createStage(locals.db, user, chainIdOf(params.id), input)
);
