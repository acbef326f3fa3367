import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { actionToMeasure, actionToTask, addAction } from '$lib/server/opening/actions.service';
import {
	actionInputOf,
	emptyActionForm,
	openingFormErrors,
	readActionForm
} from '$lib/server/opening/opening-form';
import { OpeningValidationError } from '$lib/server/opening/opening.errors';
import { getRound, reopenRound } from '$lib/server/opening/rounds.service';
import { organisationOptions } from '$lib/server/opening/units.service';
import { formText, positiveIdOf } from '$lib/shared/forms/form-data';
import type { Actions, PageServerLoad } from './$types';

const roundIdOf = (param: string) => idParam(param, 'office.opening.round.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		return {
			round: await getRound(locals.db, user, roundIdOf(params.id)),
			organisations: await organisationOptions(locals.db, user),
			values: emptyActionForm()
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

/** The action a button is for (`actionId`), read from the form. */
const actionIdOf = async (request: Request) =>
	positiveIdOf(formText(await request.formData(), 'actionId', 20)) ?? 0;

export const actions: Actions = {
	action: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = readActionForm(await request.formData());
		try {
			await addAction(locals.db, user, roundIdOf(params.id), actionInputOf(values));
		} catch (failure) {
			if (failure instanceof OpeningValidationError)
				return fail(400, { values, errors: openingFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/opening/rounds/${params.id}?added=1#actions`);
	},
	measure: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const actionId = await actionIdOf(request);
		try {
			await actionToMeasure(locals.db, user, actionId);
		} catch (failure) {
			if (failure instanceof OpeningValidationError)
				return fail(400, { actionId, actionErrors: openingFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/opening/rounds/${params.id}?measure=1#actions`);
	},
	task: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const actionId = await actionIdOf(request);
		try {
			await actionToTask(locals.db, user, actionId);
		} catch (failure) {
			if (failure instanceof OpeningValidationError)
				return fail(400, { actionId, actionErrors: openingFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/opening/rounds/${params.id}?task=1#actions`);
	},
	reopen: async ({ locals, params }) => {
		const user = requireUser(locals, { secondFactor: true });
		try {
			await reopenRound(locals.db, user, roundIdOf(params.id));
		} catch (failure) {
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/opening/rounds/${params.id}/edit?reopened=1`);
	}
};
