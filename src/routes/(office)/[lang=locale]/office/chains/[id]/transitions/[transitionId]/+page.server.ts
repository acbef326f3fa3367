import { error, fail, redirect } from '@sveltejs/kit';
import { canOnChains } from '$lib/server/chains/chain-access';
import { ChainValidationError } from '$lib/server/chains/chains.errors';
import { getChain } from '$lib/server/chains/chains.service';
import { TRANSITION_STATES } from '$lib/server/chains/chains.table';
import {
	acknowledgeFriction,
	frictionCounts,
	frictionOrganisationChoices,
	listFriction,
	reportFriction
} from '$lib/server/chains/friction.service';
import {
	deleteTransition,
	handOverOrganisationChoices,
	updateHandOver
} from '$lib/server/chains/transitions.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { formText, formTexts, optionalNumberOf, positiveIdOf } from '$lib/shared/forms/form-data';
import { chainFormErrors } from '$lib/server/chains/chain-form';
import { chainIdOf } from '../../chain-forms.server';
import type { Actions, PageServerLoad } from './$types';

const transitionIdOf = (param: string) => idParam(param, 'office.chains.transition.notFound');

/** The chain and the transition of the path; a transition of another chain is not found. */
async function transitionOf(locals: App.Locals, params: { id: string; transitionId: string }) {
	const user = requireUser(locals, { secondFactor: true });
	const chain = await getChain(locals.db, user, chainIdOf(params.id));
	const transition = chain.transitions.find((t) => t.id === transitionIdOf(params.transitionId));
	if (!transition) error(404, 'office.chains.transition.notFound');
	return { user, chain, transition };
}

const HAND_OVER_INPUTS = [
	'referral',
	'agreement',
	'fromOrganisationId',
	'toOrganisationId',
	'fromContact',
	'toContact',
	'waitingWeeks',
	'state',
	'reviewedOn'
] as const;

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		const { user, chain, transition } = await transitionOf(locals, params);
		const manage = canOnChains(user, 'manage', chain.districtId);
		return {
			chain: { id: chain.id, title: chain.title },
			transition,
			friction: await listFriction(locals.db, user, transition.id),
			frictionTotal: manage
				? ((await frictionCounts(locals.db, user, chain.id))[transition.id]?.total ?? 0)
				: 0,
			organisationGroups: manage
				? await handOverOrganisationChoices(locals.db, chain.districtId)
				: [],
			reportingFor: canOnChains(user, 'report_friction', chain.districtId)
				? await frictionOrganisationChoices(locals.db, user)
				: null,
			states: TRANSITION_STATES,
			mayManage: manage
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	handOver: async ({ locals, params, request }) => {
		const values = formTexts(await request.formData(), HAND_OVER_INPUTS, 2_000);
		try {
			const { user, transition } = await transitionOf(locals, params);
			const id = (value: string) => (value ? (positiveIdOf(value) ?? -1) : null);
			await updateHandOver(locals.db, user, transition.id, {
				referral: values.referral,
				agreement: values.agreement,
				fromOrganisationId: id(values.fromOrganisationId),
				toOrganisationId: id(values.toOrganisationId),
				fromContact: values.fromContact,
				toContact: values.toContact,
				waitingWeeks: optionalNumberOf(values.waitingWeeks),
				state: values.state as (typeof TRANSITION_STATES)[number],
				reviewedOn: values.reviewedOn.trim() || null
			});
		} catch (failure) {
			if (failure instanceof ChainValidationError)
				return fail(400, { handOver: { values, errors: chainFormErrors(failure.issues) } });
			rethrowAsHttpError(failure);
		}
		return { handOverSaved: true };
	},
	report: async ({ locals, params, request }) => {
		const form = await request.formData();
		const values = formTexts(form, ['body', 'waitingWeeks', 'organisationId'], 2_000);
		try {
			const { user, transition } = await transitionOf(locals, params);
			await reportFriction(locals.db, user, transition.id, {
				body: values.body,
				waitingWeeks: optionalNumberOf(values.waitingWeeks),
				organisationId: values.organisationId ? (positiveIdOf(values.organisationId) ?? -1) : null
			});
		} catch (failure) {
			if (failure instanceof ChainValidationError)
				return fail(400, {
					report: {
						values,
						errors: chainFormErrors(failure.issues, (path) => `friction-${path}`)
					}
				});
			rethrowAsHttpError(failure);
		}
		redirect(
			303,
			`/${locals.locale}/office/chains/${params.id}/transitions/${params.transitionId}?reported=1#friction`
		);
	},
	acknowledge: async ({ locals, params, request }) => {
		const reportId = positiveIdOf(formText(await request.formData(), 'reportId', 20));
		if (!reportId) error(400, 'error.badRequest');
		try {
			const { user } = await transitionOf(locals, params);
			await acknowledgeFriction(locals.db, user, reportId);
		} catch (failure) {
			rethrowAsHttpError(failure);
		}
		redirect(
			303,
			`/${locals.locale}/office/chains/${params.id}/transitions/${params.transitionId}#friction-${reportId}`
		);
	},
	delete: async ({ locals, params, request }) => {
		if (!(await request.formData()).get('confirm'))
			return fail(400, { deleteError: 'office.chains.transition.confirmRequired' as const });
		try {
			const { user, transition } = await transitionOf(locals, params);
			await deleteTransition(locals.db, user, transition.id);
		} catch (failure) {
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/chains/${params.id}/interfaces?deleted=1`);
	}
};
