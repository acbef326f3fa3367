import { fail, redirect } from '@sveltejs/kit';
import { errorPage } from '$lib/server/http/error-page';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import {
	formErrorsOf,
	purposeFormValues,
	readPurposeForm
} from '$lib/server/directory/contact-form';
import { ContactValidationError } from '$lib/server/directory/contacts.errors';
import {
	getPurpose,
	mayManagePurposes,
	updatePurpose
} from '$lib/server/directory/purposes.service';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';

const idOf = (param: string) => idParam(param, 'office.purposes.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	if (!mayManagePurposes(user)) errorPage(403, 'office.forbidden');
	try {
		const purpose = await getPurpose(locals.db, user, idOf(params.id));
		return { purpose, values: purposeFormValues(purpose) };
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = idOf(params.id);
		const values = readPurposeForm(await request.formData());
		try {
			await updatePurpose(locals.db, user, id, values);
		} catch (failure) {
			if (failure instanceof ContactValidationError)
				return fail(400, { values, errors: formErrorsOf(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/purposes?saved=1`);
	}
};
