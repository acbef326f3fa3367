import { fail, redirect } from '@sveltejs/kit';
import {
	committeeFormErrors,
	committeeInputOf,
	emptyCommitteeForm,
	readCommitteeForm
} from '$lib/server/committees/committee-form';
import { CommitteeValidationError } from '$lib/server/committees/committees.errors';
import { committeeFormOptions, createCommittee } from '$lib/server/committees/committees.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		return { options: await committeeFormOptions(locals.db, user), values: emptyCommitteeForm() };
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = readCommitteeForm(await request.formData());
		let id: number;
		try {
			id = await createCommittee(locals.db, user, committeeInputOf(values));
		} catch (failure) {
			if (failure instanceof CommitteeValidationError)
				return fail(400, { values, errors: committeeFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/committees/${id}?saved=1`);
	}
};
