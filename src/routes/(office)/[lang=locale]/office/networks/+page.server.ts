import { listNetworks } from '$lib/server/networks/networks.service';
import { requireUser } from '$lib/server/http/route-guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	return {
		networks: await listNetworks(locals.db, user),
		canCreate: user.role === 'coordinator' || user.role === 'administrator'
	};
};
