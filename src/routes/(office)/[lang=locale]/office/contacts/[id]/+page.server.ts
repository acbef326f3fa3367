import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import {
	consentInputOf,
	contactFormValues,
	formErrorsOf,
	readConsentForm
} from '$lib/server/directory/contact-form';
import { ContactValidationError } from '$lib/server/directory/contacts.errors';
import { CONSENT_SOURCES } from '$lib/server/directory/contacts.schema';
import {
	contactFormOptions,
	getContact,
	updateContact
} from '$lib/server/directory/contacts.service';
import {
	listConsents,
	recordConsent,
	withdrawConsent
} from '$lib/server/directory/consents.service';
import { erasePerson } from '$lib/server/directory/erasure.service';
import { listPurposes } from '$lib/server/directory/purposes.service';
import { berlinNow } from '$lib/shared/time/berlin-clock';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { actionFieldChoices, languageChoices, saveContactForm } from '../contact-form.server';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/shared/forms/form-data';

const idOf = (param: string) => idParam(param, 'office.directory.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	const { db } = locals;
	try {
		const contact = await getContact(db, user, idOf(params.id));
		const manage = contact.may.manage;
		return {
			contact,
			values: contactFormValues(contact),
			organisations: manage ? (await contactFormOptions(db, user)).organisations : [],
			languages: languageChoices(contact.languages),
			actionFields: actionFieldChoices,
			consents: manage ? await listConsents(db, user, contact.id) : [],
			purposes: manage ? (await listPurposes(db, user)).map(({ id, name }) => ({ id, name })) : [],
			sources: CONSENT_SOURCES,
			today: berlinNow().slice(0, 10)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = idOf(params.id);
		const { db } = locals;
		return saveContactForm(
			request,
			locals.locale,
			async (input) => {
				await updateContact(db, user, id, input);
				return id;
			},
			'saved'
		);
	},
	consent: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = idOf(params.id);
		const consent = readConsentForm(await request.formData());
		try {
			await recordConsent(locals.db, user, id, consentInputOf(consent));
		} catch (failure) {
			if (failure instanceof ContactValidationError)
				return fail(400, { form: 'consent', consent, errors: formErrorsOf(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/contacts/${id}?consent=recorded#consents`);
	},
	withdraw: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = idOf(params.id);
		const form = await request.formData();
		const consentId = Number(form.get('consentId'));
		const withdrawnOn = formText(form, 'withdrawnOn', 20);
		const prefix = `withdraw-${consentId}-`;
		try {
			await withdrawConsent(locals.db, user, consentId, { withdrawnOn });
		} catch (failure) {
			if (failure instanceof ContactValidationError)
				return fail(400, {
					form: 'withdraw',
					consentId,
					withdrawnOn,
					errors: formErrorsOf(failure.issues, prefix)
				});
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/contacts/${id}?consent=withdrawn#consents`);
	},
	erase: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = idOf(params.id);
		const form = await request.formData();
		if (form.get('confirm') !== 'yes')
			return fail(400, {
				form: 'erase',
				errors: { confirm: { key: 'office.directory.error.eraseConfirm' } }
			});
		try {
			await erasePerson(locals.db, user, id);
		} catch (failure) {
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/contacts/${id}?erased=1`);
	}
};
