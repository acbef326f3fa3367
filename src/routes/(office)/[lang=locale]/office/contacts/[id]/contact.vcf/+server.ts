import { cardsDownload } from '../../download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) =>
	cardsDownload(locals, [Number(params.id)]);
