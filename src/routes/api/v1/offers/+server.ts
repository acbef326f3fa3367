import { getApp } from '$lib/server/app';
import { apiMethodNotAllowed, apiPreflight, apiRespond } from '$lib/server/api/http';
import { listOffers } from '$lib/server/api/offers-api.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) =>
	apiRespond(async () => {
		const { config } = await getApp();
		return listOffers(locals.db, url.searchParams, { ...config, origin: url.origin });
	});

export const OPTIONS: RequestHandler = apiPreflight;
export const fallback: RequestHandler = apiMethodNotAllowed;
