import { fail, redirect } from '@sveltejs/kit';
import { isLinkValid, redeemLink } from '$lib/server/accounts/account-links.service';
import { AccountValidationError, InvalidLinkError } from '$lib/server/accounts/accounts.errors';
import { MIN_PASSWORD_LENGTH } from '$lib/server/accounts/accounts.schema';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/shared/forms/form-data';

export const load: PageServerLoad = async ({ locals, url }) => {
	const token = (url.searchParams.get('token') ?? '').slice(0, 100);
	return {
		token,
		// Said before the form, so nobody types a new password into a dead link.
		linkValid: await isLinkValid(locals.db, token),
		minLength: MIN_PASSWORD_LENGTH
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const token = formText(form, 'token');
		const password = formText(form, 'password');
		if (password !== formText(form, 'repeat'))
			return fail(400, { error: 'office.password.mismatch' as const });
		try {
			await redeemLink(locals.db, token, password);
		} catch (failure) {
			if (failure instanceof AccountValidationError)
				return fail(400, { error: 'office.password.tooShort' as const });
			if (failure instanceof InvalidLinkError)
				return fail(400, { error: 'office.password.invalidLink' as const });
			throw failure;
		}
		redirect(303, `/${locals.locale}/login?password=set`);
	}
};
