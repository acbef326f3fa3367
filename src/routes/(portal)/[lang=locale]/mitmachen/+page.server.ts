import { openCalls } from '$lib/server/committees/calls.public.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	calls: await openCalls(locals.db, locals.locale)
});
