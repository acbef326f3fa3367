import { idParam } from '$lib/server/http/route-guards';

/** The chain's id in a chain page's path. */
export const chainIdOf = (param: string) => idParam(param, 'office.chains.notFound');
