import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { direction, isLocale, type Locale } from '$lib/i18n/locales';
import { clearSessionCookie, SESSION_COOKIE } from '$lib/server/accounts/session-cookie';
import { signedInUser } from '$lib/server/accounts/sessions.service';
import { warmSearch } from '$lib/server/search/search.service';

export const init: ServerInit = async () => {
	const { database } = await getApp();
	// In the background: the server answers at once, searches get fast as the sets come in.
	warmSearch(database.db).catch((error: unknown) => console.error('Warming search failed:', error));
};

const SECURITY_HEADERS = {
	'x-content-type-options': 'nosniff',
	// Not no-referrer: browsers then send Origin: null on form posts, which the CSRF check refuses.
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'geolocation=(), camera=(), microphone=(), interest-cohort=()',
	'cross-origin-opener-policy': 'same-origin'
};

export const handle: Handle = async ({ event, resolve }) => {
	const { config, database } = await getApp();
	const first = event.url.pathname.split('/')[1] ?? '';
	const locale: Locale =
		isLocale(first) && config.enabledLocales.includes(first) ? first : config.defaultLocale;
	event.locals.locale = locale;
	// The public API is anonymous: it neither reads nor clears session cookies.
	const token = event.url.pathname.startsWith('/api/')
		? null
		: (event.cookies.get(SESSION_COOKIE) ?? null);
	event.locals.user = token ? await signedInUser(database.db, token) : null;
	event.locals.sessionToken = event.locals.user ? token : null;
	if (token && !event.locals.user) clearSessionCookie(event.cookies);
	const response = await resolve(event, {
		transformPageChunk: ({ html }) =>
			html
				.replace('%kitz.lang%', locale)
				.replace('%kitz.dir%', direction(locale))
				// Styles that belong to one interface language (Leichte Sprache) select on this.
				.replace('%kitz.locale%', locale)
	});
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
	return response;
};

export const handleError: HandleServerError = ({ error, status, event }) => {
	if (status >= 500)
		console.error(`Error on ${event.request.method} ${event.url.pathname}:`, error);
	if (status === 404) return { message: 'error.notFound' };
	if (status < 500) return { message: 'error.badRequest' };
	return { message: 'error.unexpected' };
};
