import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import {
	conceptFormErrors,
	conceptFormOptions,
	conceptFormValues,
	conceptInputOf,
	readConceptForm
} from '$lib/server/search/thesaurus/thesaurus-form';
import { ThesaurusValidationError } from '$lib/server/search/thesaurus/thesaurus.errors';
import {
	getConcept,
	listConcepts,
	updateConcept
} from '$lib/server/search/thesaurus/thesaurus.service';
import type { Actions, PageServerLoad } from './$types';

const conceptIdOf = (param: string) => idParam(param, 'office.searchConcepts.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const concept = await getConcept(locals.db, user, conceptIdOf(params.id));
		return {
			concept: { id: concept.id, label: concept.labels.de ?? concept.key },
			options: conceptFormOptions(await listConcepts(locals.db), concept.key),
			values: conceptFormValues(concept)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = conceptIdOf(params.id);
		const values = readConceptForm(await request.formData());
		try {
			await updateConcept(locals.db, user, id, conceptInputOf(values));
		} catch (failure) {
			if (failure instanceof ThesaurusValidationError)
				return fail(400, { values, errors: conceptFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/search-concepts?saved=1`);
	}
};
