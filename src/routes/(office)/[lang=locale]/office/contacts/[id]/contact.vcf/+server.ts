import { error } from '@sveltejs/kit';
import { cardsDownload } from '../../download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) => {
	if (!/^\d{1,9}$/.test(params.id)) error(404, 'office.directory.notFound');
	return cardsDownload(locals, [Number(params.id)]);
};
