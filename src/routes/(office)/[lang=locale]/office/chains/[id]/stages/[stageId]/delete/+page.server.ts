import { fail, redirect } from '@sveltejs/kit';
import { chainFormErrors } from '$lib/server/chains/chain-form';
import { ChainValidationError, StageNotFoundError } from '$lib/server/chains/chains.errors';
import type { StageDeletion } from '$lib/server/chains/chains.schema';
import { deleteStage, previewStageDeletion } from '$lib/server/chains/stages.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { formText } from '$lib/shared/forms/form-data';
import { stepLabels } from '$lib/i18n/chain-labels';
import type { Actions, PageServerLoad } from './$types';

/** The stage, checked to belong to the chain in the address. */
async function preview(
	locals: App.Locals,
	user: Parameters<typeof previewStageDeletion>[1],
	params: { id: string; stageId: string }
) {
	const stageId = idParam(params.stageId, 'office.chains.stage.notFound');
	const found = await previewStageDeletion(locals.db, user, stageId);
	if (found.chain.id !== idParam(params.id, 'office.chains.notFound'))
		throw new StageNotFoundError(stageId);
	return found;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const found = await preview(locals, user, params);
		const labels = stepLabels(found.chain.stages);
		return {
			chain: { id: found.chain.id, title: found.chain.title },
			stage: { id: found.stage.id, title: found.stage.title, label: labels.get(found.stage.id) },
			transitions: found.transitions.map((transition) => ({
				id: transition.id,
				fromTitle: transition.fromTitle,
				toTitle: transition.toTitle,
				state: transition.state
			})),
			bridges: found.bridges,
			frictionReports: found.frictionReports,
			findings: found.findings
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		const choice = {
			transitions: formText(form, 'transitions', 10),
			findings: formText(form, 'findings', 10)
		};
		try {
			const found = await preview(locals, user, params);
			await deleteStage(locals.db, user, found.stage.id, choice as StageDeletion);
		} catch (failure) {
			if (failure instanceof ChainValidationError)
				return fail(400, { choice, errors: chainFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/chains/${params.id}?deleted=1`);
	}
};
