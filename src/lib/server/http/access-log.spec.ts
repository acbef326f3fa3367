import { describe, expect, it } from 'vitest';
import { createLogger, withLogContext } from '../../shared/log/logger.js';
import { logAccess, loggedRoute } from './access-log.js';

/** A logger that writes its JSON lines into an array. */
function capturingLogger() {
	const lines: string[] = [];
	const log = createLogger('info', { write: (line: string) => lines.push(line) });
	return { log, lines };
}

/** The access line for a request to `address`, as the hooks write it. */
function accessLineFor(address: string, routeId: string | null): string {
	const { log, lines } = capturingLogger();
	const url = new URL(address, 'http://kitz.test');
	withLogContext({ requestId: 'req-12345678' }, () =>
		logAccess(log, {
			method: 'GET',
			routeId,
			pathname: url.pathname,
			status: 200,
			durationMs: 3.14159
		})
	);
	expect(lines).toHaveLength(1);
	return lines[0]!;
}

describe('access log', () => {
	it('writes one JSON line with the request id, method, route, status and duration', () => {
		const line = JSON.parse(
			accessLineFor('/de/search?q=deutsch', '/(portal)/[lang=locale]/search')
		);
		expect(line).toMatchObject({
			level: 'info',
			requestId: 'req-12345678',
			method: 'GET',
			route: '/(portal)/[lang=locale]/search',
			status: 200,
			durationMs: 3.1,
			msg: 'request'
		});
		expect(Date.parse(line.time)).not.toBeNaN();
	});

	it.each([
		[
			'a query string',
			'/de/search?q=max.mustermann%40example.org&near=24837',
			'/(portal)/[lang=locale]/search'
		],
		[
			'a token in the path',
			'/de/rsvp/Zm9vYmFyYmF6cXV4cXV1eHh5enp5',
			'/(office)/[lang=locale]/rsvp/[token]'
		],
		['an e-mail in an unknown path', '/max.mustermann@example.org/profile', null],
		['an encoded e-mail in an unknown path', '/max.mustermann%40example.org', null],
		['a name deeper in an unknown path', '/de/people/Max-Mustermann?email=max%40example.org', null]
	])('keeps %s out of the line', (_case, address, routeId) => {
		const line = accessLineFor(address, routeId);
		expect(line).not.toMatch(/mustermann|example\.org|24837|Zm9vYmFy|\?|%40|@/i);
	});

	it.each([
		[
			'/(portal)/[lang=locale]/offers/[slug]',
			'/de/offers/sprachkurs',
			'/(portal)/[lang=locale]/offers/[slug]'
		],
		[null, '/wp-login.php', '/wp-login.php'],
		[null, '/de/no/such/page', '/de/…'],
		[null, '/a%40b.de/x', '/:redacted/…'],
		[null, '/', '/']
	])('names route %s at %s as %s', (routeId, pathname, shown) => {
		expect(loggedRoute(routeId, pathname)).toBe(shown);
	});
});

describe('error lines', () => {
	it('carry the stack but no e-mail address and none of the values a database error names', () => {
		const { log, lines } = capturingLogger();
		const failure = Object.assign(new Error('duplicate key for anna@example.org'), {
			code: '23505',
			detail: 'Key (email)=(anna.schmidt@example.org) already exists.'
		});
		log.error({ err: failure }, 'Request failed');
		const line = JSON.parse(lines[0]!);
		expect(line.err).toMatchObject({ type: 'Error', code: '23505' });
		expect(line.err.stack).toContain('access-log.spec.ts');
		expect(lines[0]).not.toMatch(/example\.org|anna|detail/i);
	});
});
