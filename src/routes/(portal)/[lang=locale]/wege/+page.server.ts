import { publicChains } from '$lib/server/chains/public-chains.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
	view: await publicChains(locals.db, url.searchParams.get('district'), locals.locale)
});
