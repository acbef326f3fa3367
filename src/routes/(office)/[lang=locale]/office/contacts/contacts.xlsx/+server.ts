import { listDownload } from '../download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) => listDownload(locals, url, 'xlsx');
