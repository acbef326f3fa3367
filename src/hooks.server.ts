import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { closeAppOnShutdown, getApp, startedApp } from '$lib/server/app';
import { keepHeapCompact } from '$lib/server/heap';
import { direction, isLocale, type Locale } from '$lib/i18n/locales';
import { clearSessionCookie, SESSION_COOKIE } from '$lib/server/accounts/session-cookie';
import { signedInUser } from '$lib/server/accounts/sessions.service';
import { logAccess, loggedRoute } from '$lib/server/http/access-log';
import { badRequest } from '$lib/server/http/bad-request';
import { compressResponse } from '$lib/server/http/compression';
import { isSharedRead, PageCache, pageKey, pageStamp } from '$lib/server/http/page-cache';
import { formProblem, urlHasControlCharacters } from '$lib/server/http/edge-input';
import { liveness, PROBE_PATHS, readiness } from '$lib/server/http/probes';
import { requestIdFrom } from '$lib/server/http/request-id';
import { warmSearch } from '$lib/server/search/search.service';
import { securityHeaders } from '$lib/server/http/security-headers';
import { logger, withLogContext } from '$lib/shared/log/logger';

export const init: ServerInit = () => {
	// The dev server (Vite) handles its own signals and memory; the built app is the server.
	if (!dev) {
		keepHeapCompact();
		closeAppOnShutdown();
	}
	// Not awaited: the server listens at once, so /healthz answers while the app starts.
	getApp().then(
		({ database }) =>
			// In the background: searches get fast as the sets come in.
			warmSearch(database.db).catch((error: unknown) =>
				logger.error({ err: error }, 'Warming search failed')
			),
		(error: unknown) => {
			logger.fatal({ err: error }, 'Start-up failed');
			process.exit(1);
		}
	);
};

export const handle: Handle = async ({ event, resolve }) => {
	const requestId = requestIdFrom(event.request.headers.get('x-request-id'));
	event.locals.requestId = requestId;
	return withLogContext({ requestId }, async () => {
		const started = performance.now();
		const probe = PROBE_PATHS.includes(event.url.pathname);
		const logLine = (status: number) =>
			logAccess(
				logger,
				{
					method: event.request.method,
					routeId: event.route.id,
					pathname: event.url.pathname,
					status,
					durationMs: performance.now() - started
				},
				// Probes come every few seconds; their lines would drown the requests of people.
				probe ? 'debug' : 'info'
			);
		let response: Response;
		try {
			response = probe
				? await answerProbe(event.url.pathname)
				: await handleRequest(event, resolve);
		} catch (error) {
			logLine(500);
			throw error;
		}
		response.headers.set('x-request-id', requestId);
		logLine(response.status);
		return response;
	});
};

/** Probes run no session lookup and never wait for the start-up. */
function answerProbe(pathname: string): Promise<Response> | Response {
	return pathname === '/healthz' ? liveness() : readiness(startedApp());
}

async function handleRequest(
	event: RequestEvent,
	resolve: Parameters<Handle>[0]['resolve']
): Promise<Response> {
	const { config, database } = await getApp();
	event.locals.db = database.db;
	const first = event.url.pathname.split('/')[1] ?? '';
	const locale: Locale =
		isLocale(first) && config.enabledLocales.includes(first) ? first : config.defaultLocale;
	event.locals.locale = locale;
	const finish = (response: Response) =>
		compressResponse(event.request, withHeaders(response, config.origin));
	const refusal = await refuseUnusableInput(event.request, event.url, locale);
	if (refusal) return finish(refusal);
	// The public API is anonymous: it neither reads nor clears session cookies.
	const token = event.url.pathname.startsWith('/api/')
		? null
		: (event.cookies.get(SESSION_COOKIE) ?? null);
	event.locals.user = token ? await signedInUser(event.locals.db, token) : null;
	event.locals.sessionToken = event.locals.user ? token : null;
	if (token && !event.locals.user) clearSessionCookie(event.cookies);
	const render = () =>
		resolve(event, {
			transformPageChunk: ({ html }) =>
				html
					.replace('%kitz.lang%', locale)
					.replace('%kitz.dir%', direction(locale))
					// Styles that belong to one interface language (Leichte Sprache) select on this.
					.replace('%kitz.locale%', locale)
		});
	pageCache ??= config.pageCacheBytes > 0 ? new PageCache(config.pageCacheBytes) : null;
	const shared = isSharedRead({
		method: event.request.method,
		routeId: event.route.id,
		dataRequest: event.isDataRequest || event.isSubRequest,
		sessionCookie: token !== null
	});
	if (!pageCache || !shared) return finish(await render());
	const answer = await pageCache.answer(
		event.request,
		pageKey(event.request, event.url, locale),
		await pageStamp(event.locals.db),
		async () => compressResponse(event.request, await render())
	);
	return withHeaders(answer, config.origin);
}

/** Rendered portal pages, shared by every visitor; null when PAGE_CACHE_MB is 0. */
let pageCache: PageCache | null | undefined;

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
	// The stack goes to the log only; the page shows a catalogue message.
	if (status >= 500)
		logger.error(
			{
				err: error,
				requestId: event.locals.requestId,
				method: event.request.method,
				route: loggedRoute(event.route.id, event.url.pathname)
			},
			'Request failed'
		);
	if (status === 404) return { message: 'error.notFound' };
	if (status < 500) return { message: 'error.badRequest' };
	return { message: 'error.unexpected' };
};
