import { idParam } from '$lib/server/http/route-guards';
import { cardsDownload } from '../../download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) =>
	cardsDownload(locals, [idParam(params.id, 'office.directory.notFound')]);
