import { canOnChains } from '$lib/server/chains/chain-access';
import { getChain, listChains } from '$lib/server/chains/chains.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const chains = await listChains(locals.db, user);
		const stageCounts = new Map<number, number>();
		// A district holds a handful of chains, so reading each one's stages stays cheap.
		for (const chain of chains)
			stageCounts.set(chain.id, (await getChain(locals.db, user, chain.id)).stages.length);
		return {
			chains: chains.map((chain) => ({ ...chain, stageCount: stageCounts.get(chain.id) ?? 0 })),
			mayManage: canOnChains(user, 'manage', user.districtId)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
