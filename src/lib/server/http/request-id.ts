import { randomUUID } from 'node:crypto';

/** What a proxy's id looks like (UUIDs, nginx's hex, AWS trace ids); anything else is replaced. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:=+/-]{8,128}$/;

/**
 * The id of a request: the one a proxy in front sent in `X-Request-Id`, so lines of both logs
 * match, when it is sane; else a new one. It goes back in the response's `X-Request-Id`.
 */
export function requestIdFrom(header: string | null): string {
	return header && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}
