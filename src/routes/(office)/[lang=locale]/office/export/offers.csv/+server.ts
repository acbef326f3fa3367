import { exportDownload } from '../download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) => exportDownload(locals, url, 'csv');
