import { fail, redirect } from '@sveltejs/kit';
import { committeeFormErrors } from '$lib/server/committees/committee-form';
import { CommitteeValidationError } from '$lib/server/committees/committees.errors';
import {
	deleteCommittee,
	previewCommitteeDeletion
} from '$lib/server/committees/committees.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';

const committeeIdOf = (param: string) => idParam(param, 'office.committees.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		return { preview: await previewCommitteeDeletion(locals.db, user, committeeIdOf(params.id)) };
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const confirmed = (await request.formData()).get('confirm') === 'on';
		try {
			await deleteCommittee(locals.db, user, committeeIdOf(params.id), confirmed);
		} catch (failure) {
			if (failure instanceof CommitteeValidationError)
				return fail(400, { errors: committeeFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/committees?deleted=1`);
	}
};
