import { redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { deleteConcept, getConcept } from '$lib/server/search/thesaurus/thesaurus.service';
import type { Actions, PageServerLoad } from './$types';

const conceptIdOf = (param: string) => idParam(param, 'office.searchConcepts.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const concept = await getConcept(locals.db, user, conceptIdOf(params.id));
		return { concept: { id: concept.id, label: concept.labels.de ?? concept.key } };
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, params }) => {
		const user = requireUser(locals, { secondFactor: true });
		try {
			await deleteConcept(locals.db, user, conceptIdOf(params.id));
		} catch (failure) {
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/search-concepts?deleted=1`);
	}
};
