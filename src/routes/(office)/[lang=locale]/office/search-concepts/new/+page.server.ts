import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { authorizeThesaurus } from '$lib/server/search/thesaurus/thesaurus-access';
import {
	conceptFormErrors,
	conceptFormOptions,
	conceptInputOf,
	emptyConceptForm,
	readConceptForm
} from '$lib/server/search/thesaurus/thesaurus-form';
import { ThesaurusValidationError } from '$lib/server/search/thesaurus/thesaurus.errors';
import { createConcept, listConcepts } from '$lib/server/search/thesaurus/thesaurus.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		authorizeThesaurus(user);
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
	return {
		options: conceptFormOptions(await listConcepts(locals.db), null),
		values: emptyConceptForm()
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = readConceptForm(await request.formData());
		try {
			await createConcept(locals.db, user, conceptInputOf(values));
		} catch (failure) {
			if (failure instanceof ThesaurusValidationError)
				return fail(400, { values, errors: conceptFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/search-concepts?saved=1`);
	}
};
