import { gapDownload } from '../gaps.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) => gapDownload(locals, url, 'xlsx');
