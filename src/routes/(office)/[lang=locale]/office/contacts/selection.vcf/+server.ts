import { cardsDownload } from '../download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) =>
	cardsDownload(locals, url.searchParams.getAll('id').map(Number));
