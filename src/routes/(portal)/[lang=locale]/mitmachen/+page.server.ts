import { participationPage } from '$lib/server/committees/calls.public.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	page: await participationPage(locals.db, locals.locale)
});
