import { error } from '@sveltejs/kit';
import { canOnChains } from '$lib/server/chains/chain-access';
import { getChain } from '$lib/server/chains/chains.service';
import { stageOffers } from '$lib/server/chains/coverage.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import type { PageServerLoad } from './$types';

/** A stage as everyone who reads chains sees it: its rules, reach, and its offers with why. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	const chainId = idParam(params.id, 'office.chains.notFound');
	const stageId = idParam(params.stageId, 'office.chains.stage.notFound');
	try {
		const chain = await getChain(locals.db, user, chainId);
		const stage = chain.stages.find((candidate) => candidate.id === stageId);
		if (!stage) error(404, 'office.chains.stage.notFound');
		const titleOf = (id: number) => chain.stages.find((other) => other.id === id)?.title ?? '';
		return {
			chain: { id: chain.id, title: chain.title },
			stage,
			follows: stage.follows.map((id) => ({ id, title: titleOf(id) })),
			leadsTo: chain.transitions
				.filter((transition) => transition.fromStageId === stage.id)
				.map((transition) => ({ id: transition.toStageId, title: transition.toTitle })),
			offers: await stageOffers(locals.db, user, stage, locals.locale),
			mayManage: canOnChains(user, 'manage', chain.districtId)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
