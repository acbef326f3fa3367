import type { Cookies } from '@sveltejs/kit';
import { SESSION_IDLE_HOURS } from './sessions.service.js';

/** Set only by a log-in: visitors of the portal never get a cookie. */
export const SESSION_COOKIE = 'kitz_session';

export function setSessionCookie(cookies: Cookies, token: string, url: URL): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: SESSION_IDLE_HOURS * 3600
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
