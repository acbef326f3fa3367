import { apiJson, apiMethodNotAllowed, apiPreflight } from '$lib/server/api/http';
import { openApiDocument } from '$lib/server/api/openapi';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => apiJson(openApiDocument(`${url.origin}/api/v1`));

export const OPTIONS: RequestHandler = apiPreflight;
export const fallback: RequestHandler = apiMethodNotAllowed;
