import { logger } from '../../shared/log/logger.js';
import { OfferNotFoundError } from '../offers/offers.errors.js';
import type { ApiError } from './schemas.js';

/** Public, read-only data: any site may read it, caches may keep it a minute; never a cookie. */
const PUBLIC_HEADERS = {
	'content-type': 'application/json; charset=utf-8',
	'access-control-allow-origin': '*',
	'cache-control': 'public, max-age=60'
};

export function apiJson(body: unknown, status = 200): Response {
	return new Response(JSON.stringify(body), { status, headers: PUBLIC_HEADERS });
}

export function apiError(
	status: number,
	code: ApiError['error']['code'],
	message: string
): Response {
	const body: ApiError = { error: { code, message } };
	const response = apiJson(body, status);
	if (status >= 500) response.headers.set('cache-control', 'no-store');
	return response;
}

/** Runs a handler, answering domain errors and failures as JSON errors instead of an HTML page. */
export async function apiRespond(work: () => Promise<unknown>): Promise<Response> {
	try {
		return apiJson(await work());
	} catch (failure) {
		if (failure instanceof OfferNotFoundError)
			return apiError(404, 'not_found', 'There is no published offer with this slug.');
		logger.error({ err: failure }, 'API request failed');
		return apiError(500, 'internal', 'The request could not be answered. Please try again later.');
	}
}

/** Preflight for browsers that send extra headers; the API needs none beyond a simple GET. */
export function apiPreflight(): Response {
	return new Response(null, {
		status: 204,
		headers: {
			'access-control-allow-origin': '*',
			'access-control-allow-methods': 'GET, HEAD, OPTIONS',
			'access-control-allow-headers': 'Accept, Accept-Language, Content-Type',
			'access-control-max-age': '86400'
		}
	});
}

export function apiMethodNotAllowed(): Response {
	const response = apiError(405, 'method_not_allowed', 'This API only answers GET requests.');
	response.headers.set('allow', 'GET, HEAD, OPTIONS');
	return response;
}
