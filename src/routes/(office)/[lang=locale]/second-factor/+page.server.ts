import { fail, redirect } from '@sveltejs/kit';
import { ThrottledError, TwoFactorError } from '$lib/server/accounts/accounts.errors';
import { markSecondFactorDone } from '$lib/server/accounts/sessions.service';
import {
	confirmTwoFactor,
	pendingTwoFactor,
	verifySecondFactor
} from '$lib/server/accounts/two-factor.service';
import { qrCodeSvg } from '$lib/shared/files/qr-code';
import { requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/shared/forms/form-data';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: false });
	if (user.secondFactorAt) redirect(303, `/${locals.locale}/office`);
	// Asked afresh, not from the session: right after enrolment the page loads again.
	const uri = await pendingTwoFactor(locals.db, user.id);
	if (!uri) return { mode: 'verify' as const };
	return {
		mode: 'enrol' as const,
		secret: new URL(uri).searchParams.get('secret') ?? '',
		qrSvg: await qrCodeSvg(uri)
	};
};

const codeOf = async (request: Request) => formText(await request.formData(), 'code', 40);

export const actions: Actions = {
	confirm: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: false });
		try {
			const recoveryCodes = await confirmTwoFactor(locals.db, user.id, await codeOf(request));
			await markSecondFactorDone(locals.db, locals.sessionToken!);
			return { recoveryCodes };
		} catch (failure) {
			if (failure instanceof TwoFactorError)
				return fail(400, { error: 'office.twoFactor.wrongCode' as const });
			throw failure;
		}
	},
	verify: async ({ locals, request, getClientAddress }) => {
		const user = requireUser(locals, { secondFactor: false });
		try {
			await verifySecondFactor(locals.db, {
				userId: user.id,
				code: await codeOf(request),
				ip: getClientAddress()
			});
		} catch (failure) {
			if (failure instanceof TwoFactorError)
				return fail(400, { error: 'office.twoFactor.wrongCode' as const });
			if (failure instanceof ThrottledError)
				return fail(429, {
					error: 'office.twoFactor.throttled' as const,
					minutes: failure.retryAfterMinutes
				});
			throw failure;
		}
		await markSecondFactorDone(locals.db, locals.sessionToken!);
		redirect(303, `/${locals.locale}/office`);
	}
};
