import { publicCall } from '$lib/server/committees/calls.public.service';
import { errorPage } from '$lib/server/http/error-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const call =
		params.slug.length <= 80 ? await publicCall(locals.db, params.slug, locals.locale) : null;
	if (!call) errorPage(404, 'error.notFound');
	return { call };
};
