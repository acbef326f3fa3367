import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { COMPUTATIONS } from '$lib/server/measures/computations';
import {
	conceptFormErrors,
	indicatorFormValues,
	indicatorInputOf,
	readIndicatorForm,
	readValueForm,
	valueInputOf
} from '$lib/server/measures/concept-form';
import { ConceptValidationError } from '$lib/server/measures/concept.errors';
import {
	deleteIndicator,
	deleteValue,
	indicatorSeries,
	recordValue,
	updateIndicator
} from '$lib/server/measures/indicators.service';
import { INDICATOR_DIRECTIONS, PERIOD_KINDS } from '$lib/server/measures/measures.table';
import { formText, positiveIdOf } from '$lib/shared/forms/form-data';
import type { Actions, PageServerLoad } from './$types';

const indicatorId = (param: string) => idParam(param, 'office.concept.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const indicator = await indicatorSeries(locals.db, user, indicatorId(params.id));
		return {
			indicator,
			values: indicatorFormValues(indicator, locals.locale),
			options: {
				directions: INDICATOR_DIRECTIONS,
				periodKinds: PERIOD_KINDS,
				computations: COMPUTATIONS
			}
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	recordValue: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const value = readValueForm(await request.formData());
		try {
			await recordValue(locals.db, user, indicatorId(params.id), valueInputOf(value));
		} catch (failure) {
			if (failure instanceof ConceptValidationError)
				return fail(400, { value, valueErrors: conceptFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		return { valueSaved: true };
	},
	deleteValue: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const valueId = positiveIdOf(formText(await request.formData(), 'valueId', 20)) ?? 0;
		try {
			await deleteValue(locals.db, user, indicatorId(params.id), valueId);
		} catch (failure) {
			rethrowAsHttpError(failure);
		}
		return { valueDeleted: true };
	},
	updateIndicator: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = readIndicatorForm(await request.formData());
		try {
			await updateIndicator(locals.db, user, indicatorId(params.id), indicatorInputOf(values));
		} catch (failure) {
			if (failure instanceof ConceptValidationError)
				return fail(400, { indicator: values, indicatorErrors: conceptFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		return { indicatorSaved: true };
	},
	deleteIndicator: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		// Its values go with it: only on an explicit tick.
		if (formText(await request.formData(), 'confirm', 10) !== 'yes')
			return fail(400, { deleteConfirmMissing: true });
		let goalId: number;
		try {
			goalId = await deleteIndicator(locals.db, user, indicatorId(params.id));
		} catch (failure) {
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/concept/goals/${goalId}?indicatorDeleted`);
	}
};
