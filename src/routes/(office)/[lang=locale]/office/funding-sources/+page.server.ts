import { fail } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import {
	addFundingSource,
	archiveFundingSource,
	listFundingSources,
	renameFundingSource
} from '$lib/server/measures/funding-sources.service';
import { measureFormErrors } from '$lib/server/measures/measure-form';
import { MeasureValidationError } from '$lib/server/measures/measures.errors';
import { mayCreateMeasure } from '$lib/server/measures/measures.service';
import { formText, positiveIdOf } from '$lib/shared/forms/form-data';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		return {
			sources: await listFundingSources(locals.db, user, { withArchived: true }),
			mayManage: mayCreateMeasure(user)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

/** Runs a change of the list; a bad name comes back to the form it was typed in. */
async function change(formId: string, name: string, work: () => Promise<unknown>) {
	try {
		await work();
	} catch (failure) {
		if (failure instanceof MeasureValidationError)
			return fail(400, { formId, name, errors: measureFormErrors(failure.issues) });
		rethrowAsHttpError(failure);
	}
	return { saved: true };
}

export const actions: Actions = {
	add: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const name = formText(await request.formData(), 'name', 500);
		return change('add', name, () => addFundingSource(locals.db, user, name));
	},
	rename: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		const id = positiveIdOf(formText(form, 'id', 20)) ?? 0;
		const name = formText(form, 'name', 500);
		return change(`source-${id}`, name, () => renameFundingSource(locals.db, user, id, name));
	},
	archive: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		const id = positiveIdOf(formText(form, 'id', 20)) ?? 0;
		const archived = formText(form, 'archived', 5) === 'yes';
		return change('archive', '', () => archiveFundingSource(locals.db, user, id, archived));
	}
};
