import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/accounts/session-cookie';
import { endSession } from '$lib/server/accounts/sessions.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => redirect(303, `/${locals.locale}/login`);

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.sessionToken) await endSession(locals.db, locals.sessionToken);
		clearSessionCookie(cookies);
		redirect(303, `/${locals.locale}/login`);
	}
};
