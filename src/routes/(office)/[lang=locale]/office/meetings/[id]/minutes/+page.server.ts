import type { MessageKey } from '$lib/i18n/messages';
import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { errorPage } from '$lib/server/http/error-page';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import {
	MinutesBeforeMeetingError,
	MinutesReleasedError,
	MinutesValidationError,
	MinutesWithoutAttendanceError
} from '$lib/server/minutes/minutes.errors';
import { releaseMinutes } from '$lib/server/minutes/minutes-release.service';
import { addDecision, removeDecision } from '$lib/server/minutes/decisions.service';
import { addFollowUpTask, getMinutes, saveMinutes } from '$lib/server/minutes/minutes.service';
import { TASK_STATUSES } from '$lib/server/minutes/minutes.table';
import { parseTaskForm, taskValuesFromForm } from '$lib/server/minutes/tasks.schema';
import { ownerOptions } from '$lib/server/minutes/tasks.service';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { prefixed, taskStatusAction } from '../../../board/task-routes.server';
import type { Actions, PageServerLoad } from './$types';
import { formText, positiveIdOf } from '$lib/shared/forms/form-data';
import { measureFormErrors } from '$lib/server/measures/measure-form';
import { addMilestone } from '$lib/server/measures/measure-parts.service';
import { MeasureValidationError } from '$lib/server/measures/measures.errors';
import { measureChoices, outcomesOfDecisions } from '$lib/server/measures/measures-read.service';
import { mayCreateMeasure } from '$lib/server/measures/measures.service';

const meetingIdOf = (param: string) => idParam(param, 'office.meetings.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	const { db } = locals;
	try {
		const view = await getMinutes(db, user, meetingIdOf(params.id));
		const editable = view.may.manage && !view.meeting.releasedAt;
		const decisionIds = [
			...view.items.flatMap((item) => item.decisions),
			...view.general.decisions
		].map((decision) => decision.id);
		return {
			view,
			editable,
			// Decision → measure: the minutes context knows nothing of measures; this page composes.
			outcomes: await outcomesOfDecisions(db, user, decisionIds),
			measures: mayCreateMeasure(user) ? await measureChoices(db, user) : null,
			owners: editable ? await ownerOptions(db, user.districtId, view.meeting.networkId) : [],
			actionFields: ACTION_FIELDS,
			statuses: TASK_STATUSES
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

/** Runs a change of the minutes; released minutes and invalid input come back as messages. */
async function change<T extends object>(
	work: () => Promise<unknown>,
	invalid: (issues: Record<string, MessageKey>) => T
) {
	try {
		await work();
	} catch (failure) {
		if (failure instanceof MinutesValidationError) return fail(400, invalid(failure.issues));
		if (failure instanceof MinutesReleasedError)
			return fail(409, { stepError: 'office.minutes.error.released' as const });
		rethrowAsHttpError(failure);
	}
	return null;
}

/** Why a release was refused, as a message for the release form; undefined for other failures. */
function releaseRefusal(failure: unknown): MessageKey | undefined {
	if (failure instanceof MinutesReleasedError) return 'office.minutes.error.released';
	if (failure instanceof MinutesBeforeMeetingError) return 'office.minutes.error.beforeMeeting';
	if (failure instanceof MinutesWithoutAttendanceError)
		return 'office.minutes.error.withoutAttendance';
}

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = meetingIdOf(params.id);
		const form = await request.formData();
		const minutes = new Map<number, string>();
		for (const [name, value] of form)
			if (/^item-\d{1,9}$/.test(name)) minutes.set(Number(name.slice(5)), String(value));
		const { db } = locals;
		const failed = await change(
			() => saveMinutes(db, user, id, minutes),
			(issues) => ({
				minutes: { values: Object.fromEntries(minutes), errors: prefixed('', issues) }
			})
		);
		if (failed) return failed;
		redirect(
			303,
			`/${locals.locale}/office/meetings/${id}/minutes?saved=1#item-${[...minutes.keys()][0] ?? ''}`
		);
	},
	addDecision: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = meetingIdOf(params.id);
		const form = await request.formData();
		const values = {
			text: formText(form, 'decisionText', 5000),
			agendaItemId: formText(form, 'decisionItem')
		};
		const itemId = /^\d{1,9}$/.test(values.agendaItemId) ? Number(values.agendaItemId) : null;
		const { db } = locals;
		const failed = await change(
			() => addDecision(db, user, id, { agendaItemId: itemId, text: values.text }),
			(issues) => ({ decision: { values, errors: prefixed('', issues) } })
		);
		if (failed) return failed;
		redirect(303, `/${locals.locale}/office/meetings/${id}/minutes?saved=1#decisions`);
	},
	removeDecision: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = meetingIdOf(params.id);
		const decisionId = Number((await request.formData()).get('decisionId'));
		if (!Number.isSafeInteger(decisionId) || decisionId <= 0) errorPage(400, 'error.badRequest');
		const { db } = locals;
		const failed = await change(
			() => removeDecision(db, user, id, decisionId),
			() => ({})
		);
		if (failed) return failed;
		redirect(303, `/${locals.locale}/office/meetings/${id}/minutes?saved=1`);
	},
	addTask: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = meetingIdOf(params.id);
		const values = taskValuesFromForm(await request.formData());
		const parsed = parseTaskForm(values);
		if (parsed.errors)
			return fail(400, { task: { values, errors: prefixed('task-', parsed.errors) } });
		const { db } = locals;
		const failed = await change(
			() => addFollowUpTask(db, user, id, parsed.input),
			(issues) => ({ task: { values, errors: prefixed('task-', issues) } })
		);
		if (failed) return failed;
		redirect(303, `/${locals.locale}/office/meetings/${id}/minutes?created=1#tasks`);
	},
	taskStatus: (event) => taskStatusAction(event),
	toMilestone: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = meetingIdOf(params.id);
		const form = await request.formData();
		const decisionId = positiveIdOf(formText(form, 'decisionId', 20)) ?? 0;
		const values = {
			measureId: formText(form, 'measureId', 20),
			title: formText(form, 'title', 1000),
			dueOn: formText(form, 'dueOn', 20).trim()
		};
		const measureId = positiveIdOf(values.measureId);
		if (!measureId)
			return fail(400, {
				milestone: {
					decisionId,
					values,
					errors: { measureId: { key: 'office.measures.error.chooseMeasure' as const } }
				}
			});
		try {
			await addMilestone(locals.db, user, measureId, {
				title: values.title,
				dueOn: values.dueOn,
				decisionId
			});
		} catch (failure) {
			if (failure instanceof MeasureValidationError)
				return fail(400, {
					milestone: { decisionId, values, errors: measureFormErrors(failure.issues) }
				});
			rethrowAsHttpError(failure);
		}
		redirect(
			303,
			`/${locals.locale}/office/meetings/${id}/minutes?milestone=1#decision-${decisionId}`
		);
	},
	release: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = meetingIdOf(params.id);
		const form = await request.formData();
		if (!form.get('confirm'))
			return fail(400, { releaseError: 'office.minutes.error.confirmRelease' as const });
		const app = await getApp();
		let mailed = 0;
		try {
			({ mailed } = await releaseMinutes(locals.db, user, id, {
				origin: app.config.origin,
				withoutAttendance: form.get('withoutAttendance') === 'yes'
			}));
		} catch (failure) {
			const refused = releaseRefusal(failure);
			if (refused) return fail(409, { releaseError: refused });
			rethrowAsHttpError(failure);
		}
		app.jobs.deliverMailNow();
		redirect(303, `/${locals.locale}/office/meetings/${id}/minutes?released=${mailed}`);
	}
};
