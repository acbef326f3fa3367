import { authorizeOnChains } from '$lib/server/chains/chain-access';
import { stageFormValues } from '$lib/server/chains/chain-form';
import { getChain } from '$lib/server/chains/chains.service';
import { StageNotFoundError } from '$lib/server/chains/chains.errors';
import { updateStage } from '$lib/server/chains/stages.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { stageFormActions, stageFormChoices } from '../../stage-form.server';
import type { Actions, PageServerLoad } from './$types';

const stageIdOf = (param: string) => idParam(param, 'office.chains.stage.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const chain = await getChain(locals.db, user, idParam(params.id, 'office.chains.notFound'));
		const stageId = stageIdOf(params.stageId);
		// The stage is found through its chain in the address, so another chain's never shows here.
		const stage = chain.stages.find((candidate) => candidate.id === stageId);
		if (!stage) throw new StageNotFoundError(stageId);
		authorizeOnChains(user, 'manage', chain.districtId);
		return {
			...(await stageFormChoices(locals.db, user, chain, stageId)),
			stage: { id: stage.id, title: stage.title },
			values: stageFormValues(stage, locals.locale)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = stageFormActions<{ id: string; stageId: string }>(
	(user, input, { locals, params }) =>
		updateStage(locals.db, user, stageIdOf(params.stageId), input)
);
