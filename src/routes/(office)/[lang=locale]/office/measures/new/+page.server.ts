import { fail, redirect } from '@sveltejs/kit';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import {
	emptyMeasureForm,
	measureFormErrors,
	measureInputOf,
	readMeasureForm,
	statusInputOf
} from '$lib/server/measures/measure-form';
import { MeasureValidationError } from '$lib/server/measures/measures.errors';
import {
	createMeasure,
	measureFormOptions,
	todayForForms
} from '$lib/server/measures/measures.service';
import { MEASURE_STATUSES } from '$lib/server/measures/measures.table';
import { decisionOrigins } from '$lib/server/minutes/decisions.service';
import { positiveIdOf } from '$lib/shared/forms/form-data';
import type { Actions, PageServerLoad } from './$types';

/** The decision a new measure comes from (`?decision=` or the posted form), if it is the district's. */
async function decisionOf(db: App.Locals['db'], districtId: number, value: string | null) {
	const id = positiveIdOf(value ?? '');
	return id ? ((await decisionOrigins(db, districtId, [id]))[0] ?? null) : null;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const options = await measureFormOptions(locals.db, user);
		const decision = await decisionOf(locals.db, user.districtId, url.searchParams.get('decision'));
		return {
			options,
			decision,
			actionFields: ACTION_FIELDS,
			statuses: MEASURE_STATUSES,
			values: emptyMeasureForm(todayForForms(), decision ?? undefined)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = readMeasureForm(await request.formData());
		let id: number;
		try {
			id = await createMeasure(locals.db, user, measureInputOf(values), statusInputOf(values));
		} catch (failure) {
			if (failure instanceof MeasureValidationError)
				return fail(400, { values, errors: measureFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/measures/${id}?saved=1`);
	}
};
