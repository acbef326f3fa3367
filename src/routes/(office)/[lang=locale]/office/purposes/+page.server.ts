import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import {
	formErrorsOf,
	purposeFormValues,
	readPurposeForm
} from '$lib/server/directory/contact-form';
import { ContactValidationError } from '$lib/server/directory/contacts.errors';
import {
	createPurpose,
	listPurposes,
	mayManagePurposes
} from '$lib/server/directory/purposes.service';
import { requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		return {
			purposes: await listPurposes(locals.db, user),
			canManage: mayManagePurposes(user),
			values: purposeFormValues()
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = readPurposeForm(await request.formData());
		try {
			await createPurpose(locals.db, user, values);
		} catch (failure) {
			if (failure instanceof ContactValidationError)
				return fail(400, { values, errors: formErrorsOf(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/purposes?created=1`);
	}
};
