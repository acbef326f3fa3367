import { fail } from '@sveltejs/kit';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { measureFormErrors } from '$lib/server/measures/measure-form';
import { MeasureValidationError } from '$lib/server/measures/measures.errors';
import {
	listMeasures,
	mayCreateMeasure,
	setStaleMonths,
	staleMonths,
	type MeasureFilters
} from '$lib/server/measures/measures.service';
import { MEASURE_STATUSES } from '$lib/server/measures/measures.table';
import { LIGHTS } from '$lib/server/measures/progress';
import { formText, optionalNumberOf } from '$lib/shared/forms/form-data';
import type { Actions, PageServerLoad } from './$types';

/** A filter value from the address, kept only when it is one of the codes. */
const oneOf = <T extends string>(codes: readonly T[], value: string | null): T | undefined =>
	codes.find((code) => code === value);

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, { secondFactor: true });
	const filters: MeasureFilters = {
		actionField: oneOf(ACTION_FIELDS, url.searchParams.get('actionField')),
		status: oneOf(MEASURE_STATUSES, url.searchParams.get('status')),
		light: oneOf(LIGHTS, url.searchParams.get('light'))
	};
	return {
		measures: await listMeasures(locals.db, user, filters),
		filters,
		actionFields: ACTION_FIELDS,
		statuses: MEASURE_STATUSES,
		lights: LIGHTS,
		staleMonths: await staleMonths(locals.db, user),
		mayManage: mayCreateMeasure(user)
	};
};

export const actions: Actions = {
	settings: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const typed = formText(await request.formData(), 'staleMonths', 10);
		try {
			await setStaleMonths(locals.db, user, optionalNumberOf(typed) ?? Number.NaN);
		} catch (failure) {
			if (failure instanceof MeasureValidationError)
				return fail(400, { staleMonths: typed, errors: measureFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		return { settingsSaved: true };
	}
};
