import { loadGaps } from './gaps.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => loadGaps(locals, url);
