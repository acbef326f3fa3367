import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { districtView } from '$lib/server/opening/district.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		return { view: await districtView(locals.db, user) };
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
