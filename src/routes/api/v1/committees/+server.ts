import { apiMethodNotAllowed, apiPreflight, apiRespond } from '$lib/server/api/http';
import { listCommitteesApi } from '$lib/server/api/committees-api.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) =>
	apiRespond(() => listCommitteesApi(locals.db, url.searchParams, url.origin));

export const OPTIONS: RequestHandler = apiPreflight;
export const fallback: RequestHandler = apiMethodNotAllowed;
