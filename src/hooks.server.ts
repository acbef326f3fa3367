import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { direction, isLocale, type Locale } from '$lib/i18n/locales';
import { clearSessionCookie, SESSION_COOKIE } from '$lib/server/accounts/session-cookie';
import { signedInUser } from '$lib/server/accounts/sessions.service';
import { badRequest } from '$lib/server/http/bad-request';
import { formProblem, urlHasControlCharacters } from '$lib/server/http/edge-input';
import { warmSearch } from '$lib/server/search/search.service';
import { securityHeaders } from '$lib/server/http/security-headers';

export const init: ServerInit = async () => {
	const { database } = await getApp();
	// In the background: the server answers at once, searches get fast as the sets come in.
	warmSearch(database.db).catch((error: unknown) => console.error('Warming search failed:', error));
};

export const handle: Handle = async ({ event, resolve }) => {
	const { config, database } = await getApp();
	event.locals.db = database.db;
	const first = event.url.pathname.split('/')[1] ?? '';
	const locale: Locale =
		isLocale(first) && config.enabledLocales.includes(first) ? first : config.defaultLocale;
	event.locals.locale = locale;
	const refusal = await refuseUnusableInput(event.request, event.url, locale);
	if (refusal) return withHeaders(refusal, config.origin);
	// The public API is anonymous: it neither reads nor clears session cookies.
	const token = event.url.pathname.startsWith('/api/')
		? null
		: (event.cookies.get(SESSION_COOKIE) ?? null);
	event.locals.user = token ? await signedInUser(event.locals.db, token) : null;
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
	return withHeaders(response, config.origin);
};

/**
 * Input with control characters, and form posts that are no form, are answered here, before any
 * route or query sees them.
 */
async function refuseUnusableInput(
	request: Request,
	url: URL,
	locale: Locale
): Promise<Response | null> {
	const api = url.pathname.startsWith('/api/');
	if (urlHasControlCharacters(url)) return badRequest(locale, 'error.badRequest', api);
	const problem = await formProblem(request);
	if (problem === 'nul') return badRequest(locale, 'error.formControlCharacter', api);
	if (problem === 'unreadable') return badRequest(locale, 'error.formUnreadable', api);
	return null;
}

function withHeaders(response: Response, origin: string): Response {
	for (const [name, value] of Object.entries(securityHeaders(origin)))
		response.headers.set(name, value);
	return response;
}

export const handleError: HandleServerError = ({ error, status, event }) => {
	if (status >= 500)
		console.error(`Error on ${event.request.method} ${event.url.pathname}:`, error);
	if (status === 404) return { message: 'error.notFound' };
	if (status < 500) return { message: 'error.badRequest' };
	return { message: 'error.unexpected' };
};
