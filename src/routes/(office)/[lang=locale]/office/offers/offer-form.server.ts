import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import type { OfferContent } from '$lib/server/offers/offer-content';
import { previewDates } from '$lib/server/offers/offer-desk.service';
import { contentFromForm, readOfferForm } from '$lib/server/offers/offer-form';
import { type FormError } from '$lib/shared/forms/form-error';
import { OfferValidationError } from '$lib/server/offers/offers.errors';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';

/**
 * The save action shared by the new-offer and edit pages: parse → the workflow call → back to
 * the offer, or the form again with the person's input and a message per input.
 */
export async function saveOfferForm(
	request: Request,
	locale: string,
	previous: OfferContent | null,
	save: (content: OfferContent) => Promise<number>
) {
	const form = await request.formData();
	const values = readOfferForm(form);
	const parsed = contentFromForm(values, previous);
	if (form.get('intent') === 'preview') {
		const offer = parsed.errors ? parsed.draft : parsed.content.offer;
		const dateErrors = Object.fromEntries(
			Object.entries(parsed.errors ?? {}).filter(([input]) => input.startsWith('date.'))
		);
		return { values, errors: dateErrors, preview: previewDates(offer) };
	}
	if (parsed.errors) return fail(400, { values, errors: parsed.errors, preview: null });
	let offerId: number;
	try {
		offerId = await save(parsed.content);
	} catch (failure) {
		if (failure instanceof OfferValidationError) {
			// Rules only the database knows, e.g. an organisation that no longer exists.
			const errors: Record<string, FormError> = {
				organisationId: { key: 'office.offerForm.error.invalid' }
			};
			return fail(400, { values, errors, preview: null });
		}
		rethrowAsHttpError(failure);
	}
	(await getApp()).jobs.deliverMailNow();
	redirect(303, `/${locale}/office/offers/${offerId}?saved=1`);
}
