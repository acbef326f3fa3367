import { fail, redirect } from '@sveltejs/kit';
import {
	committeeFormErrors,
	readTermForm,
	termFormValues,
	termInputOf
} from '$lib/server/committees/committee-form';
import { deleteTerm, updateTerm } from '$lib/server/committees/committee-parts.service';
import { CommitteeValidationError } from '$lib/server/committees/committees.errors';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { ForbiddenError } from '$lib/server/accounts/accounts.errors';
import { committeeTerm } from '../../term.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const { committee, term } = await committeeTerm(locals, user, params);
		if (!committee.may.manage) throw new ForbiddenError('edit', user.role);
		return {
			committee: { id: committee.id, name: committee.name, seats: committee.seats },
			term: {
				id: term.id,
				startsOn: term.startsOn,
				endsOn: term.endsOn,
				members: term.members?.length ?? 0,
				hasFigures: term.hasFigures
			},
			values: termFormValues(term)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = readTermForm(await request.formData());
		try {
			const { committee, term } = await committeeTerm(locals, user, params);
			await updateTerm(locals.db, user, term.id, termInputOf(values));
			redirect(303, `/${locals.locale}/office/committees/${committee.id}/terms/${term.id}?saved=1`);
		} catch (failure) {
			if (failure instanceof CommitteeValidationError)
				return fail(400, { values, errors: committeeFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
	},
	delete: async ({ locals, params }) => {
		const user = requireUser(locals, { secondFactor: true });
		try {
			const { committee, term } = await committeeTerm(locals, user, params);
			await deleteTerm(locals.db, user, term.id);
			redirect(303, `/${locals.locale}/office/committees/${committee.id}?termDeleted=1`);
		} catch (failure) {
			rethrowAsHttpError(failure);
		}
	}
};
