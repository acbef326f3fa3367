import { fail } from '@sveltejs/kit';
import { CallValidationError } from '$lib/server/committees/calls.errors';
import {
	callFormErrors,
	callInputOf,
	callFormValues,
	readCallForm
} from '$lib/server/committees/calls.form';
import {
	callFormOptions,
	closeCall,
	loadCall,
	openCall,
	updateCall
} from '$lib/server/committees/calls.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';

const callIdOf = (param: string) => idParam(param, 'office.calls.notFound');

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const call = await loadCall(locals.db, user, callIdOf(params.id));
		return {
			call,
			values: callFormValues(call),
			...(await callFormOptions(locals.db, user)),
			saved: url.searchParams.has('saved')
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

/** Open and close answer in the status area; a refusal (deadline passed) is said there. */
async function changeStatus(
	locals: App.Locals,
	id: string,
	change: typeof openCall | typeof closeCall,
	done: 'opened' | 'closed'
) {
	const user = requireUser(locals, { secondFactor: true });
	try {
		await change(locals.db, user, callIdOf(id));
	} catch (failure) {
		if (failure instanceof CallValidationError)
			return fail(400, { status: 'refused' as const, errors: callFormErrors(failure.issues) });
		rethrowAsHttpError(failure);
	}
	return { status: done };
}

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = readCallForm(await request.formData());
		try {
			await updateCall(locals.db, user, callIdOf(params.id), callInputOf(values));
		} catch (failure) {
			if (failure instanceof CallValidationError)
				return fail(400, { values, errors: callFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		return { status: 'saved' as const };
	},
	open: ({ locals, params }) => changeStatus(locals, params.id, openCall, 'opened'),
	close: ({ locals, params }) => changeStatus(locals, params.id, closeCall, 'closed')
};
