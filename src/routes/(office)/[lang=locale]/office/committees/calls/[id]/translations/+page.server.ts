import { fail } from '@sveltejs/kit';
import { CallValidationError } from '$lib/server/committees/calls.errors';
import { callFormErrors, readCallTranslations } from '$lib/server/committees/calls.form';
import { CALL_TARGET_LOCALES } from '$lib/server/committees/calls.schema';
import {
	callTranslations,
	saveCallTranslations
} from '$lib/server/committees/calls.translations.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';

const callIdOf = (param: string) => idParam(param, 'office.calls.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		return {
			translations: await callTranslations(locals.db, user, callIdOf(params.id)),
			targetLocales: CALL_TARGET_LOCALES
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const { input, values } = readCallTranslations(await request.formData());
		try {
			await saveCallTranslations(locals.db, user, callIdOf(params.id), input);
		} catch (failure) {
			if (failure instanceof CallValidationError)
				return fail(400, { values, errors: callFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		return { saved: true };
	}
};
