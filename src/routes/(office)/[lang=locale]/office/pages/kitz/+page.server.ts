import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import {
	moveContact,
	PAGE_FIELDS,
	pageForEditing,
	saveContactRoles,
	savePageTexts,
	TARGET_LOCALES
} from '$lib/server/pages/page-editor.service';
import { PageValidationError } from '$lib/server/pages/pages.errors';
import {
	pageFormErrors,
	pageFormValues,
	readPageForm,
	readRolesForm
} from '$lib/server/pages/page-form';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/shared/forms/form-data';

const SLUG = 'kitz';
const contactIdOf = (form: FormData) =>
	idParam(formText(form, 'contactId'), 'office.organisations.notFound');

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const page = await pageForEditing(locals.db, user, SLUG);
		return {
			page,
			values: pageFormValues(page),
			locales: TARGET_LOCALES,
			fields: PAGE_FIELDS
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	texts: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = readPageForm(await request.formData());
		try {
			await savePageTexts(locals.db, user, SLUG, values);
		} catch (failure) {
			if (failure instanceof PageValidationError)
				return fail(400, { form: 'texts', values, errors: pageFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/pages/kitz?saved=texts`);
	},
	roles: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		const contactId = contactIdOf(form);
		const roles = readRolesForm(form);
		try {
			await saveContactRoles(locals.db, user, SLUG, contactId, roles);
		} catch (failure) {
			if (failure instanceof PageValidationError)
				return fail(400, {
					form: 'roles',
					contactId,
					roles,
					errors: pageFormErrors(failure.issues, `contact-${contactId}-role.`)
				});
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/pages/kitz?saved=roles#contact-${contactId}`);
	},
	move: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		const contactId = contactIdOf(form);
		const direction = form.get('direction') === 'up' ? 'up' : 'down';
		try {
			await moveContact(locals.db, user, SLUG, contactId, direction);
		} catch (failure) {
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/pages/kitz?saved=order#contact-${contactId}`);
	}
};
