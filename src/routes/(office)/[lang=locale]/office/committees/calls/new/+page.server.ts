import { fail, redirect } from '@sveltejs/kit';
import { CallValidationError } from '$lib/server/committees/calls.errors';
import {
	callFormErrors,
	callInputOf,
	emptyCallForm,
	readCallForm
} from '$lib/server/committees/calls.form';
import { callFormOptions, createCall } from '$lib/server/committees/calls.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		return { ...(await callFormOptions(locals.db, user)), values: emptyCallForm() };
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = readCallForm(await request.formData());
		let id: number;
		try {
			id = await createCall(locals.db, user, callInputOf(values));
		} catch (failure) {
			if (failure instanceof CallValidationError)
				return fail(400, { values, errors: callFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/committees/calls/${id}?saved=1`);
	}
};
