import { committeeDownload } from '../committee-download.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => committeeDownload(locals, 'xlsx');
