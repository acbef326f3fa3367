import { fail, redirect } from '@sveltejs/kit';
import {
	committeeFormErrors,
	emptyTermForm,
	readTermForm,
	termInputOf
} from '$lib/server/committees/committee-form';
import { createTerm } from '$lib/server/committees/committee-parts.service';
import { CommitteeValidationError } from '$lib/server/committees/committees.errors';
import { committeeToManage } from '$lib/server/committees/committees.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';

const committeeIdOf = (param: string) => idParam(param, 'office.committees.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const committee = await committeeToManage(locals.db, user, committeeIdOf(params.id));
		return {
			committee: { id: committee.id, name: committee.name, seats: committee.seats },
			values: emptyTermForm()
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const committeeId = committeeIdOf(params.id);
		const values = readTermForm(await request.formData());
		let termId: number;
		try {
			termId = await createTerm(locals.db, user, committeeId, termInputOf(values));
		} catch (failure) {
			if (failure instanceof CommitteeValidationError)
				return fail(400, { values, errors: committeeFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/committees/${committeeId}/terms/${termId}?saved=1`);
	}
};
