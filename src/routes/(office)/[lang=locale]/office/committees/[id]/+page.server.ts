import { fail } from '@sveltejs/kit';
import { translator } from '$lib/i18n/messages';
import { committeeFormErrors } from '$lib/server/committees/committee-form';
import {
	linkOffer,
	offerChoices,
	unlinkOffer
} from '$lib/server/committees/committee-parts.service';
import { committeeTrend } from '$lib/server/committees/committee-trend';
import { CommitteeValidationError } from '$lib/server/committees/committees.errors';
import { COMMITTEE_OFFER_KINDS } from '$lib/server/committees/committees.schema';
import { getCommittee } from '$lib/server/committees/committees.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { formText, positiveIdOf } from '$lib/shared/forms/form-data';
import type { Actions, PageServerLoad } from './$types';

const committeeIdOf = (param: string) => idParam(param, 'office.committees.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const committee = await getCommittee(locals.db, user, committeeIdOf(params.id));
		return {
			committee,
			trend: committeeTrend(
				translator(locals.locale),
				locals.locale,
				committee.name,
				committee.terms
			),
			offerChoices: committee.may.manage
				? await offerChoices(
						locals.db,
						user,
						committee.offers.map((offer) => offer.offerId)
					)
				: [],
			offerKinds: COMMITTEE_OFFER_KINDS
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	link: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		try {
			await linkOffer(locals.db, user, committeeIdOf(params.id), {
				offerId: positiveIdOf(formText(form, 'offerId', 20)) ?? 0,
				kind: formText(form, 'kind', 20) as (typeof COMMITTEE_OFFER_KINDS)[number]
			});
		} catch (failure) {
			if (failure instanceof CommitteeValidationError)
				return fail(400, { errors: committeeFormErrors(failure.issues, 'offer-') });
			rethrowAsHttpError(failure);
		}
		return { offerLinked: true };
	},
	unlink: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		try {
			await unlinkOffer(
				locals.db,
				user,
				committeeIdOf(params.id),
				positiveIdOf(formText(form, 'offerId', 20)) ?? 0
			);
		} catch (failure) {
			rethrowAsHttpError(failure);
		}
		return { offerUnlinked: true };
	}
};
