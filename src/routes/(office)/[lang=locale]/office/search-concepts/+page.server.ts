import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { authorizeThesaurus } from '$lib/server/search/thesaurus/thesaurus-access';
import { listConcepts } from '$lib/server/search/thesaurus/thesaurus.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		authorizeThesaurus(user, 'read');
		return { concepts: await listConcepts(locals.db) };
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
