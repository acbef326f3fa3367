import { fail, redirect } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db/schema';
import { getApp } from '$lib/server/app';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { translationStatuses } from '$lib/server/offers/offer-content';
import { offerFormOptions, offerOnDesk, previewDates } from '$lib/server/offers/offer-desk.service';
import { formValuesFromContent } from '$lib/server/offers/offer-form';
import {
	approveOffer,
	archiveOffer,
	deleteOffer,
	requestChanges,
	saveOfferDraft,
	submitOffer,
	type Editor,
	type StepOptions
} from '$lib/server/offers/workflow.service';
import { WorkflowError } from '$lib/server/offers/offers.errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { saveOfferForm } from '../offer-form.server';
import type { StepDone } from './step-done';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/shared/forms/form-data';

const offerIdOf = (param: string) => idParam(param, 'offer.notFound');

async function onDesk(db: Kysely<DB>, user: Editor, param: string) {
	try {
		return await offerOnDesk(db, user, offerIdOf(param));
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	const offer = await onDesk(locals.db, user, params.id);
	return {
		offer: {
			id: offer.id,
			slug: offer.slug,
			status: offer.status,
			openState: offer.openState,
			reviewComment: offer.reviewComment,
			may: offer.may
		},
		changes: offer.changes,
		values: formValuesFromContent(offer.content),
		statuses: translationStatuses(offer.content),
		nextDates: previewDates(offer.content.offer),
		options: await offerFormOptions(locals.db, user)
	};
};

/**
 * Runs a workflow step; a step that no longer fits the offer's state is a message, not an error.
 * `done` names the step in the confirmation the page shows after the redirect.
 */
async function step(
	{ locals, params, url }: { locals: App.Locals; params: { id: string }; url: URL },
	done: StepDone,
	run: (db: Kysely<DB>, user: Editor, id: number, options: StepOptions) => Promise<void>
) {
	const user = requireUser(locals, { secondFactor: true });
	const id = offerIdOf(params.id);
	const app = await getApp();
	try {
		await run(locals.db, user, id, { origin: url.origin });
	} catch (failure) {
		if (failure instanceof WorkflowError)
			return fail(409, { stepError: `office.offer.error.${failure.code}` as const });
		rethrowAsHttpError(failure);
	}
	app.jobs.deliverMailNow();
	redirect(303, `/${locals.locale}/office/offers/${id}?done=${done}`);
}

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const offer = await onDesk(locals.db, user, params.id);
		return saveOfferForm(request, locals.locale, offer.content, async (content) => {
			await saveOfferDraft(locals.db, user, offer.id, content);
			return offer.id;
		});
	},
	submit: (event) => step(event, 'submitted', submitOffer),
	approve: (event) => step(event, 'approved', approveOffer),
	archive: (event) => step(event, 'archived', (db, user, id) => archiveOffer(db, user, id)),
	delete: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		if (!(await request.formData()).get('confirm'))
			return fail(400, { stepError: 'office.offer.error.confirmDelete' as const });
		try {
			await deleteOffer(locals.db, user, offerIdOf(params.id));
		} catch (failure) {
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/offers?deleted=1`);
	},
	requestChanges: async (event) => {
		const comment = formText(await event.request.formData(), 'comment', 5000);
		return step(event, 'changesRequested', (db, user, id, options) =>
			requestChanges(db, user, id, comment, options)
		);
	}
};
