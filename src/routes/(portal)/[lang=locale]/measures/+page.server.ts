import { publicMeasures } from '$lib/server/measures/public-measures.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
	view: await publicMeasures(locals.db, url.searchParams.get('district'), locals.locale)
});
