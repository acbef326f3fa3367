import { idParam } from '$lib/server/http/route-guards';
import { loadGaps } from '../../gaps/gaps.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) =>
	loadGaps(locals, url, idParam(params.id, 'office.chains.notFound'));
