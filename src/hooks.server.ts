import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { direction, isLocale, type Locale } from '$lib/i18n/locales';

export const init: ServerInit = async () => {
	await getApp();
};

const SECURITY_HEADERS = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
	'x-frame-options': 'DENY',
	'permissions-policy': 'geolocation=(), camera=(), microphone=(), interest-cohort=()',
	'cross-origin-opener-policy': 'same-origin'
};

export const handle: Handle = async ({ event, resolve }) => {
	const { config } = await getApp();
	const first = event.url.pathname.split('/')[1] ?? '';
	const locale: Locale =
		isLocale(first) && config.enabledLocales.includes(first) ? first : config.defaultLocale;
	event.locals.locale = locale;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%kitz.lang%', locale).replace('%kitz.dir%', direction(locale))
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
