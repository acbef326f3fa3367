import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { COMPUTATIONS, COMPUTATION_PARAMETER } from '$lib/server/measures/computations';
import {
	conceptFormErrors,
	emptyIndicatorForm,
	indicatorInputOf,
	readGoalTexts,
	readIndicatorForm
} from '$lib/server/measures/concept-form';
import { ConceptValidationError } from '$lib/server/measures/concept.errors';
import { TARGET_LOCALES } from '$lib/server/measures/concept.schema';
import { deleteGoal, getGoal, saveGoalTexts } from '$lib/server/measures/goals.service';
import { createIndicator, goalIndicatorSeries } from '$lib/server/measures/indicators.service';
import { INDICATOR_DIRECTIONS, PERIOD_KINDS } from '$lib/server/measures/measures.table';
import { positiveIdOf, formText } from '$lib/shared/forms/form-data';
import type { Actions, PageServerLoad } from './$types';

const goalId = (param: string) => idParam(param, 'office.concept.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const goal = await getGoal(locals.db, user, goalId(params.id), locals.locale);
		return {
			goal,
			indicators: await goalIndicatorSeries(locals.db, user, goal.id),
			targetLocales: TARGET_LOCALES,
			options: {
				directions: INDICATOR_DIRECTIONS,
				periodKinds: PERIOD_KINDS,
				computations: COMPUTATIONS,
				parameters: COMPUTATION_PARAMETER
			},
			newIndicator: emptyIndicatorForm()
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	saveTexts: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const texts = readGoalTexts(await request.formData());
		try {
			await saveGoalTexts(locals.db, user, goalId(params.id), texts);
		} catch (failure) {
			if (failure instanceof ConceptValidationError)
				return fail(400, { texts, textErrors: conceptFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		return { textsSaved: true };
	},
	createIndicator: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = readIndicatorForm(await request.formData());
		let id: number;
		try {
			id = await createIndicator(locals.db, user, goalId(params.id), indicatorInputOf(values));
		} catch (failure) {
			if (failure instanceof ConceptValidationError)
				return fail(400, { indicator: values, indicatorErrors: conceptFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/concept/indicators/${id}?created`);
	},
	deleteGoal: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		const choice = formText(form, 'measures', 10);
		const toGoalId = positiveIdOf(formText(form, 'toGoalId', 20)) ?? 0;
		let versionId: number;
		try {
			({ conceptVersionId: versionId } = await deleteGoal(
				locals.db,
				user,
				goalId(params.id),
				choice === 'move'
					? { measures: 'move', toGoalId }
					: choice === 'unlink'
						? { measures: 'unlink' }
						: null
			));
		} catch (failure) {
			if (failure instanceof ConceptValidationError)
				return fail(400, { deleteErrors: conceptFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/concept?version=${versionId}&goalDeleted`);
	}
};
