import { fail } from '@sveltejs/kit';
import {
	addApplicantAsMember,
	listApplications,
	setApplicationStatus
} from '$lib/server/committees/applications.inbox.service';
import { committeeFormErrors } from '$lib/server/committees/committee-form';
import { CommitteeValidationError } from '$lib/server/committees/committees.errors';
import { CallValidationError } from '$lib/server/committees/calls.errors';
import { callFormErrors } from '$lib/server/committees/calls.form';
import { listCalls } from '$lib/server/committees/calls.service';
import { APPLICATION_STATUSES } from '$lib/server/committees/calls.table';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { formText, positiveIdOf } from '$lib/shared/forms/form-data';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, { secondFactor: true });
	// An unknown or odd call id shows every application rather than an error.
	const callId = positiveIdOf(url.searchParams.get('call') ?? '');
	try {
		const calls = await listCalls(locals.db, user);
		const shown = calls.some((call) => call.id === callId) ? callId : null;
		return {
			calls,
			callId: shown,
			applications: await listApplications(locals.db, user, shown),
			statuses: APPLICATION_STATUSES
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	status: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		const id = idParam(formText(form, 'id', 12), 'office.applications.notFound');
		try {
			await setApplicationStatus(locals.db, user, id, formText(form, 'status', 20));
		} catch (failure) {
			if (failure instanceof CallValidationError) return fail(400, { id, invalid: true });
			rethrowAsHttpError(failure);
		}
		return { id, saved: true };
	},
	member: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = idParam(
			formText(await request.formData(), 'id', 12),
			'office.applications.notFound'
		);
		try {
			await addApplicantAsMember(locals.db, user, id);
		} catch (failure) {
			if (failure instanceof CommitteeValidationError)
				return fail(400, {
					id,
					memberError: Object.values(committeeFormErrors(failure.issues))[0]
				});
			if (failure instanceof CallValidationError)
				return fail(400, { id, memberError: callFormErrors(failure.issues).status });
			rethrowAsHttpError(failure);
		}
		return { id, member: true };
	}
};
