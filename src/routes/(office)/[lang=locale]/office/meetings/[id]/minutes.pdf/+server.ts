import { minutesDownload } from '../minutes-download.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) =>
	minutesDownload(locals, params.id, 'pdf');
