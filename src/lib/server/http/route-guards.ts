import { error, redirect } from '@sveltejs/kit';
import type { MessageKey } from '../../i18n/messages.js';
import type { SignedInUser } from '../accounts/sessions.service.js';
import { requiresTwoFactor } from '../accounts/two-factor.service.js';

/**
 * The signed-in person for a back-office page; sends others to the log-in, and staff who still
 * owe their second factor to that step.
 */
export function requireUser(locals: App.Locals, options: { secondFactor: boolean }): SignedInUser {
	const user = locals.user;
	if (!user) redirect(303, `/${locals.locale}/login`);
	if (options.secondFactor && requiresTwoFactor(user.role) && !user.secondFactorAt)
		redirect(303, `/${locals.locale}/second-factor`);
	return user;
}

/**
 * A record id from the path: digits only, so "1e3", "-1" or "0x10" never name a record by
 * accident; anything else is the page's not-found answer (`notFound` is its message key).
 */
export function idParam(value: string, notFound: MessageKey): number {
	if (!/^[1-9]\d{0,8}$/.test(value)) error(404, notFound);
	return Number(value);
}
