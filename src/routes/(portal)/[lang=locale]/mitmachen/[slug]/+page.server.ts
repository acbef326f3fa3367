import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { ThrottledError } from '$lib/server/accounts/accounts.errors';
import { submitApplication } from '$lib/server/committees/applications.service';
import { CallClosedError, CallValidationError } from '$lib/server/committees/calls.errors';
import {
	applicationFormErrors,
	applicationInputOf,
	emptyApplicationForm,
	readApplicationForm
} from '$lib/server/committees/calls.form';
import { DELIVERY_LANGUAGES } from '$lib/server/organisations/organisations.schema';
import { publicCall } from '$lib/server/committees/calls.public.service';
import { errorPage } from '$lib/server/http/error-page';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import type { Actions, PageServerLoad } from './$types';

/** Longer than any slug the office makes; a longer one names no call. */
const MAX_SLUG = 80;

export const load: PageServerLoad = async ({ locals, params }) => {
	const call =
		params.slug.length <= MAX_SLUG ? await publicCall(locals.db, params.slug, locals.locale) : null;
	if (!call) errorPage(404, 'error.notFound');
	return { call, languages: DELIVERY_LANGUAGES, values: emptyApplicationForm() };
};

export const actions: Actions = {
	default: async ({ locals, params, request, getClientAddress }) => {
		const { config } = await getApp();
		const { values, trap } = readApplicationForm(await request.formData());
		try {
			await submitApplication(locals.db, {
				callSlug: params.slug.slice(0, MAX_SLUG),
				input: applicationInputOf(values),
				trap,
				clientAddress: getClientAddress(),
				origin: config.origin
			});
		} catch (failure) {
			if (failure instanceof CallValidationError)
				return fail(400, { values, errors: applicationFormErrors(failure.issues) });
			if (failure instanceof ThrottledError)
				return fail(429, { values, errors: {}, throttledMinutes: failure.retryAfterMinutes });
			// The page then says that the call has ended, and shows no form.
			if (failure instanceof CallClosedError)
				return fail(409, { values, errors: {}, closed: true });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/mitmachen/${params.slug}/danke`);
	}
};
