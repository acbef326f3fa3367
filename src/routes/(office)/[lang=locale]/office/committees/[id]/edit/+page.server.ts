import { fail, redirect } from '@sveltejs/kit';
import {
	committeeFormErrors,
	committeeFormValues,
	committeeInputOf,
	readCommitteeForm
} from '$lib/server/committees/committee-form';
import { CommitteeValidationError } from '$lib/server/committees/committees.errors';
import {
	committeeFormOptions,
	getCommittee,
	updateCommittee
} from '$lib/server/committees/committees.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';

const committeeIdOf = (param: string) => idParam(param, 'office.committees.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const committee = await getCommittee(locals.db, user, committeeIdOf(params.id));
		return {
			committee: { id: committee.id, name: committee.name },
			options: await committeeFormOptions(locals.db, user),
			values: committeeFormValues(committee)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = committeeIdOf(params.id);
		const values = readCommitteeForm(await request.formData());
		try {
			await updateCommittee(locals.db, user, id, committeeInputOf(values));
		} catch (failure) {
			if (failure instanceof CommitteeValidationError)
				return fail(400, { values, errors: committeeFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/committees/${id}?saved=1`);
	}
};
