import type { Logger } from '../../shared/log/logger.js';

export interface AccessRecord {
	method: string;
	/** SvelteKit's route id, null when no route matched. */
	routeId: string | null;
	pathname: string;
	status: number;
	durationMs: number;
}

const PLAIN_SEGMENT = /^[a-z0-9._-]{1,32}$/i;

/**
 * What the log says about the address: the route id (`/(office)/[lang=locale]/rsvp/[token]`)
 * names the page without the token, name or e-mail a path may hold. An address no route knows
 * keeps only a plain first segment, enough to see what scanners probe. Never the query string.
 */
export function loggedRoute(routeId: string | null, pathname: string): string {
	if (routeId) return routeId;
	const [first = '', ...rest] = pathname.split('/').slice(1);
	const shown = first === '' || PLAIN_SEGMENT.test(first) ? first : ':redacted';
	return `/${shown}${rest.length ? '/…' : ''}`;
}

/** One line per request; the request id comes from the log context. */
export function logAccess(
	log: Logger,
	record: AccessRecord,
	level: 'info' | 'debug' = 'info'
): void {
	log[level](
		{
			method: record.method,
			route: loggedRoute(record.routeId, record.pathname),
			status: record.status,
			durationMs: Math.round(record.durationMs * 10) / 10
		},
		'request'
	);
}
