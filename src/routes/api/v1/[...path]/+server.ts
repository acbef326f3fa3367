import { apiError, apiPreflight } from '$lib/server/api/http';
import type { RequestHandler } from './$types';

/** Unknown API addresses answer in JSON too, not with the portal's HTML error page. */
export const fallback: RequestHandler = () =>
	apiError(404, 'not_found', 'There is no such API address; see /api/v1/openapi.json.');

export const OPTIONS: RequestHandler = apiPreflight;
