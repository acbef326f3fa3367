import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { listBoard, parseBoardFilters } from '$lib/server/minutes/board.service';
import { MinutesValidationError } from '$lib/server/minutes/minutes.errors';
import { TASK_KINDS, TASK_STATUSES } from '$lib/server/minutes/minutes.table';
import { parseTaskForm, taskValuesFromForm } from '$lib/server/minutes/tasks.schema';
import { createPlannedOffer, ownerOptions } from '$lib/server/minutes/tasks.service';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import { requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';
import { pageAddress, prefixed, taskStatusAction } from './task-routes.server';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, { secondFactor: true });
	const { db } = locals;
	const { filters, invalid } = parseBoardFilters(url.searchParams);
	const board = await listBoard(db, user, filters);
	return {
		board,
		filters,
		invalidFilter: invalid,
		query: new URL(pageAddress(url), url.origin).searchParams.toString(),
		actionFields: ACTION_FIELDS,
		statuses: TASK_STATUSES,
		kinds: TASK_KINDS,
		planOwners: board.mayPlan ? await ownerOptions(db, user.districtId, null) : []
	};
};

export const actions: Actions = {
	taskStatus: (event) => taskStatusAction(event),
	planOffer: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = taskValuesFromForm(await request.formData());
		const parsed = parseTaskForm({ ...values, status: 'open' });
		if (parsed.errors)
			return fail(400, { plan: { values, errors: prefixed('plan-', parsed.errors) } });
		try {
			await createPlannedOffer(locals.db, user, parsed.input);
		} catch (failure) {
			if (failure instanceof MinutesValidationError)
				return fail(400, { plan: { values, errors: prefixed('plan-', failure.issues) } });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/board?kind=planned_offer&created=1`);
	}
};
