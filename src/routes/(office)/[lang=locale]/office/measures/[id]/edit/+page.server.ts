import { fail, redirect } from '@sveltejs/kit';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { getMeasure } from '$lib/server/measures/measure-detail.service';
import {
	measureFormErrors,
	measureFormValues,
	measureInputOf,
	readMeasureForm
} from '$lib/server/measures/measure-form';
import { MeasureValidationError } from '$lib/server/measures/measures.errors';
import { measureFormOptions, updateMeasure } from '$lib/server/measures/measures.service';
import type { Actions, PageServerLoad } from './$types';

const measureId = (param: string) => idParam(param, 'office.measures.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const measure = await getMeasure(locals.db, user, measureId(params.id));
		return {
			measure: { id: measure.id, title: measure.title },
			options: await measureFormOptions(locals.db, user),
			actionFields: ACTION_FIELDS,
			values: measureFormValues(measure)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = measureId(params.id);
		const values = readMeasureForm(await request.formData());
		try {
			await updateMeasure(locals.db, user, id, measureInputOf(values));
		} catch (failure) {
			if (failure instanceof MeasureValidationError)
				return fail(400, { values, errors: measureFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/measures/${id}?saved=1`);
	}
};
