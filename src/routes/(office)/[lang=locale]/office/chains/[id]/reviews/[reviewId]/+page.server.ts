import type { MessageKey } from '$lib/i18n/messages';
import { error, fail, redirect } from '@sveltejs/kit';
import { canOnChains } from '$lib/server/chains/chain-access';
import { ChainValidationError } from '$lib/server/chains/chains.errors';
import { TRANSITION_STATES, type TransitionState } from '$lib/server/chains/chains.table';
import {
	addReviewDecision,
	getReview,
	reviewDecisionToTask,
	updateReview
} from '$lib/server/chains/reviews.service';
import type { FindingInput } from '$lib/server/chains/reviews.schema';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { MinutesReleasedError, MinutesValidationError } from '$lib/server/minutes/minutes.errors';
import { emptyTaskValues, parseTaskForm } from '$lib/server/minutes/tasks.schema';
import { ownerOptions } from '$lib/server/minutes/tasks.service';
import type { FormError } from '$lib/shared/forms/form-error';
import { formText, positiveIdOf } from '$lib/shared/forms/form-data';
import { prefixed } from '../../../../board/task-routes.server';
import { chainFormErrors } from '$lib/server/chains/chain-form';
import { chainIdOf } from '../../chain-forms.server';
import type { Actions, PageServerLoad } from './$types';

const reviewIdOf = (param: string) => idParam(param, 'office.chains.review.notFound');

/** The review of the path; a review of another chain is not found. */
async function reviewOf(locals: App.Locals, params: { id: string; reviewId: string }) {
	const user = requireUser(locals, { secondFactor: true });
	const review = await getReview(locals.db, user, reviewIdOf(params.reviewId));
	if (review.chainId !== chainIdOf(params.id)) error(404, 'office.chains.review.notFound');
	return { user, review };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		const { user, review } = await reviewOf(locals, params);
		const manage = canOnChains(user, 'manage', review.chain.districtId);
		return {
			review,
			states: TRANSITION_STATES,
			mayManage: manage,
			owners:
				manage && review.decisionsOpen
					? await ownerOptions(locals.db, review.chain.districtId, review.networkId)
					: []
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

const STAGE = /^stage-(\d{1,9})$/;
const TRANSITION = /^transition-(\d{1,9})$/;

/** The findings as posted: a text per stage, a text and a state per transition. */
function findingsOf(form: FormData): { inputs: string[]; findings: FindingInput[] } {
	const inputs: string[] = [];
	const findings: FindingInput[] = [];
	for (const [name, value] of form) {
		const stage = STAGE.exec(name);
		const transition = TRANSITION.exec(name);
		if (!stage && !transition) continue;
		const text = String(value).slice(0, 2_000);
		inputs.push(name);
		if (stage) findings.push({ stageId: Number(stage[1]), transitionId: null, state: null, text });
		else {
			const state = formText(form, `${name}-state`, 20);
			findings.push({
				stageId: null,
				transitionId: Number(transition![1]),
				state: state ? (state as TransitionState) : null,
				text
			});
		}
		if (inputs.length >= 400) break;
	}
	return { inputs, findings };
}

/** A decision's change failed in the minutes: their message at the decision's form. */
function minutesRefusal(failure: unknown, input: string): Record<string, FormError> | undefined {
	if (failure instanceof MinutesReleasedError)
		return { [input]: { key: 'office.minutes.error.released' } };
	if (failure instanceof MinutesValidationError) return prefixed('', failure.issues);
}

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const form = await request.formData();
		const summary = formText(form, 'summary', 5_000);
		const { inputs, findings } = findingsOf(form);
		try {
			const { user, review } = await reviewOf(locals, params);
			await updateReview(locals.db, user, review.id, { summary, findings });
		} catch (failure) {
			if (failure instanceof ChainValidationError)
				return fail(400, {
					findings: {
						values: Object.fromEntries([...form].map(([name, value]) => [name, String(value)])),
						errors: chainFormErrors(failure.issues, (path) => {
							const match = /^findings\.(\d+)\.(\w+)$/.exec(path);
							if (!match) return path;
							const input = inputs[Number(match[1])] ?? 'summary';
							return match[2] === 'state' ? `${input}-state` : input;
						})
					}
				});
			rethrowAsHttpError(failure);
		}
		redirect(
			303,
			`/${locals.locale}/office/chains/${params.id}/reviews/${params.reviewId}?saved=1#findings`
		);
	},
	decision: async ({ locals, params, request }) => {
		const text = formText(await request.formData(), 'decisionText', 5_000);
		try {
			const { user, review } = await reviewOf(locals, params);
			await addReviewDecision(locals.db, user, review.id, text);
		} catch (failure) {
			const errors = minutesRefusal(failure, 'decisionText');
			if (errors) return fail(400, { decision: { text, errors } });
			rethrowAsHttpError(failure);
		}
		redirect(
			303,
			`/${locals.locale}/office/chains/${params.id}/reviews/${params.reviewId}?decided=1#decisions`
		);
	},
	task: async ({ locals, params, request }) => {
		const form = await request.formData();
		const decisionId = positiveIdOf(formText(form, 'decisionId', 20));
		if (!decisionId) error(400, 'error.badRequest');
		const values = {
			...emptyTaskValues(),
			title: formText(form, 'title', 1_000),
			owner: formText(form, 'owner', 40),
			dueOn: formText(form, 'dueOn', 20).trim()
		};
		const taskErrors = (issues: Record<string, MessageKey>) =>
			fail(400, { task: { decisionId, values, errors: prefixed(`task-${decisionId}-`, issues) } });
		const parsed = parseTaskForm(values);
		if (parsed.errors) return taskErrors(parsed.errors);
		try {
			const { user, review } = await reviewOf(locals, params);
			await reviewDecisionToTask(locals.db, user, review.id, decisionId, parsed.input);
		} catch (failure) {
			if (failure instanceof MinutesValidationError) return taskErrors(failure.issues);
			if (failure instanceof MinutesReleasedError)
				return taskErrors({ title: 'office.minutes.error.released' });
			if (failure instanceof ChainValidationError) error(400, 'error.badRequest');
			rethrowAsHttpError(failure);
		}
		redirect(
			303,
			`/${locals.locale}/office/chains/${params.id}/reviews/${params.reviewId}?task=1#decision-${decisionId}`
		);
	}
};
