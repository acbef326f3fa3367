import { canOnChains } from '$lib/server/chains/chain-access';
import { interfaceOverview } from '$lib/server/chains/interfaces.service';
import { listReviews, mayReadReviews } from '$lib/server/chains/reviews.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { chainIdOf } from '../chain-forms.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const chainId = chainIdOf(params.id);
		const { chain, interfaces } = await interfaceOverview(locals.db, user, chainId);
		return {
			chain,
			interfaces,
			reviews: mayReadReviews(user) ? await listReviews(locals.db, user, chainId) : null,
			mayManage: canOnChains(user, 'manage', chain.districtId)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
