import { getApp } from '$lib/server/app';
import { apiMethodNotAllowed, apiPreflight, apiRespond } from '$lib/server/api/http';
import { getOffer } from '$lib/server/api/offers-api.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params, url }) =>
	apiRespond(async () => {
		const { config } = await getApp();
		return getOffer(locals.db, params.slug, url.searchParams, { ...config, origin: url.origin });
	});

export const OPTIONS: RequestHandler = apiPreflight;
export const fallback: RequestHandler = apiMethodNotAllowed;
