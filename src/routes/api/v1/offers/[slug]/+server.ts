import { getApp } from '$lib/server/app';
import { apiMethodNotAllowed, apiPreflight, apiRespond } from '$lib/server/api/http';
import { getOffer } from '$lib/server/api/offers-api.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) =>
	apiRespond(async () => {
		const { database, config } = await getApp();
		return getOffer(database.db, params.slug, url.searchParams, { ...config, origin: url.origin });
	});

export const OPTIONS: RequestHandler = apiPreflight;
export const fallback: RequestHandler = apiMethodNotAllowed;
