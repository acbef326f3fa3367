import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { InvalidCredentialsError, ThrottledError } from '$lib/server/accounts/accounts.errors';
import { authenticate } from '$lib/server/accounts/accounts.service';
import { setSessionCookie } from '$lib/server/accounts/session-cookie';
import { startSession } from '$lib/server/accounts/sessions.service';
import { requiresTwoFactor } from '$lib/server/accounts/two-factor.service';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/shared/forms/form-data';

const loginSchema = z.object({
	email: z.string().trim().min(1).max(200),
	password: z.string().min(1).max(200)
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, `/${locals.locale}/office`);
	return { passwordSet: url.searchParams.get('password') === 'set' };
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, locals, url }) => {
		const form = await request.formData();
		const email = formText(form, 'email', 200);
		const parsed = loginSchema.safeParse({ email, password: form.get('password') });
		if (!parsed.success) return fail(400, { email, error: 'office.login.missing' as const });
		let role;
		try {
			const actor = await authenticate(locals.db, { ...parsed.data, ip: getClientAddress() });
			const token = await startSession(locals.db, actor.userId, {
				ip: getClientAddress(),
				userAgent: request.headers.get('user-agent')
			});
			setSessionCookie(cookies, token, url);
			role = actor.role;
		} catch (failure) {
			if (failure instanceof InvalidCredentialsError)
				return fail(400, { email, error: 'office.login.invalid' as const });
			if (failure instanceof ThrottledError)
				return fail(429, {
					email,
					error: 'office.login.throttled' as const,
					minutes: failure.retryAfterMinutes
				});
			throw failure;
		}
		redirect(303, `/${locals.locale}/${requiresTwoFactor(role) ? 'second-factor' : 'office'}`);
	}
};
