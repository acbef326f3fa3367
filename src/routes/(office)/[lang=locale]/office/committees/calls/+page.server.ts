import { listCalls } from '$lib/server/committees/calls.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		return { calls: await listCalls(locals.db, user) };
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
