import { requestPasswordReset } from '$lib/server/accounts/account-links.service';
import { getApp } from '$lib/server/app';
import type { Actions } from './$types';
import { formText } from '$lib/shared/forms/form-data';

export const actions: Actions = {
	default: async ({ locals, request, url, getClientAddress }) => {
		const email = formText(await request.formData(), 'email', 200);
		const app = await getApp();
		await requestPasswordReset(
			locals.db,
			{ email, ip: getClientAddress() },
			{ origin: url.origin }
		);
		app.jobs.deliverMailNow();
		// The same answer whether or not the address has an account or the limit was reached.
		return { sent: true };
	}
};
