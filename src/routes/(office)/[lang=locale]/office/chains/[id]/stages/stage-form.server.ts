import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import type { SignedInUser } from '$lib/server/accounts/sessions.service';
import { chainFormErrors, readStageForm, stageInputOf } from '$lib/server/chains/chain-form';
import type { ChainDetail } from '$lib/server/chains/chains.service';
import { ChainValidationError } from '$lib/server/chains/chains.errors';
import { STAGE_COSTS, type StageInput } from '$lib/server/chains/chains.schema';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { listDeskOffers } from '$lib/server/offers/offer-desk.service';
import { LANGUAGE_LEVELS, TARGET_GROUPS } from '$lib/server/offers/offers.schema';
import { formText } from '$lib/shared/forms/form-data';
import { fold } from '$lib/shared/text/fold';
import { stepLabels } from '$lib/i18n/chain-labels';

/** The stage form's pages (new and edit) share their choices and their two actions. */

/** The most offers a title search lists. */
const FOUND_MAX = 25;

/** What the stage form offers to choose: the other stages, rule values and the district's offers. */
export async function stageFormChoices(
	db: App.Locals['db'],
	user: SignedInUser,
	chain: ChainDetail,
	stageId: number | null
) {
	const labels = stepLabels(chain.stages);
	return {
		chain: { id: chain.id, title: chain.title },
		stages: chain.stages
			.filter((stage) => stage.id !== stageId)
			.map((stage) => ({ id: stage.id, label: `${labels.get(stage.id)}. ${stage.title}` })),
		options: {
			actionFields: ACTION_FIELDS,
			targetGroups: TARGET_GROUPS,
			levels: LANGUAGE_LEVELS,
			costs: STAGE_COSTS
		},
		offers: (await listDeskOffers(db, user)).map((offer) => ({
			id: offer.id,
			title: offer.title,
			organisationName: offer.organisationName,
			published: offer.status === 'published'
		}))
	};
}

/**
 * The form's two buttons: `save` writes the stage through the service and goes back to the
 * chain; `findOffers` saves nothing and shows the form again with the published offers whose
 * title holds the search words.
 */
export function stageFormActions<P extends { id: string }>(
	save: (user: SignedInUser, input: StageInput, event: RequestEvent<P>) => Promise<unknown>
) {
	return {
		save: async (event: RequestEvent<P>) => {
			const { locals, params, request } = event;
			const user = requireUser(locals, { secondFactor: true });
			const form = await request.formData();
			const values = readStageForm(form);
			const offerQuery = formText(form, 'offerQuery', 200);
			try {
				await save(user, stageInputOf(values), event);
			} catch (failure) {
				if (failure instanceof ChainValidationError)
					return fail(400, {
						values,
						offerQuery,
						found: [] as number[],
						errors: chainFormErrors(failure.issues)
					});
				rethrowAsHttpError(failure);
			}
			redirect(303, `/${locals.locale}/office/chains/${params.id}?saved=1`);
		},
		findOffers: async ({ locals, request }: RequestEvent) => {
			const user = requireUser(locals, { secondFactor: true });
			const form = await request.formData();
			const offerQuery = formText(form, 'offerQuery', 200);
			const words = fold(offerQuery).split(/\s+/).filter(Boolean);
			const found = words.length
				? (await listDeskOffers(locals.db, user))
						.filter(
							(offer) =>
								offer.status === 'published' &&
								words.every((word) => fold(offer.title).includes(word))
						)
						.slice(0, FOUND_MAX)
						.map((offer) => offer.id)
				: [];
			return { values: readStageForm(form), offerQuery, found, searched: true, errors: {} };
		}
	};
}
