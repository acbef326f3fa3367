import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { compareRounds } from '$lib/server/opening/compare.service';
import { openingFormErrors } from '$lib/server/opening/opening-form';
import { OpeningValidationError } from '$lib/server/opening/opening.errors';
import { listRounds, startRound } from '$lib/server/opening/rounds.service';
import { formText, positiveIdOf } from '$lib/shared/forms/form-data';
import type { Actions, PageServerLoad } from './$types';

const unitIdOf = (param: string) => idParam(param, 'office.opening.unit.notFound');

/** Two rounds chosen to compare (`?a=…&b=…`); a comparison asked for with a bad choice says so. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals, { secondFactor: true });
	const unitId = unitIdOf(params.id);
	const a = positiveIdOf(url.searchParams.get('a') ?? '');
	const b = positiveIdOf(url.searchParams.get('b') ?? '');
	const asked = url.searchParams.has('a') || url.searchParams.has('b');
	try {
		const { unit, rounds } = await listRounds(locals.db, user, unitId);
		let comparison = null;
		let compareErrors = {};
		if (asked)
			try {
				comparison = await compareRounds(locals.db, user, unitId, [a ?? 0, b ?? 0]);
			} catch (failure) {
				if (!(failure instanceof OpeningValidationError)) throw failure;
				compareErrors = openingFormErrors(failure.issues);
			}
		return { unit, rounds, comparison, compareErrors, chosen: { a, b } };
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	round: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const label = formText(await request.formData(), 'label', 1000);
		let id: number;
		try {
			id = await startRound(locals.db, user, unitIdOf(params.id), { label });
		} catch (failure) {
			if (failure instanceof OpeningValidationError)
				return fail(400, { label, errors: openingFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/opening/rounds/${id}/edit`);
	}
};
