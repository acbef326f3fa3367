import { expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';

/**
 * A flood of malformed requests, made up from a fixed seed so a failure can be repeated: broken
 * percent-encoding, invalid UTF-8, huge and odd numbers, very long texts, injection attempts
 * and unknown languages in every kind of path and query parameter of the portal, the API and
 * the token links, bodies the routes cannot parse, and odd headers. None may be a 5xx (or
 * break the connection). The hand-picked cases with their messages are in bad-input.e2e.ts,
 * office-bad-input.e2e.ts and bad-input-postgres.e2e.ts.
 */
const REQUESTS = 1_000;
const IN_PARALLEL = 4;
const SEED = 20_260_101;

const baseUrl = e2eApp().baseUrl;

/** mulberry32: a small seeded generator, so the same requests are made on every run. */
function seeded(seed: number) {
	let state = seed;
	const next = () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
	return <T>(choices: readonly T[]): T => choices[Math.floor(next() * choices.length)]!;
}

const JUNK = [
	'%',
	'%%',
	'%E0%A4%A',
	'%C0%AF',
	'%FF%FE',
	'%ED%A0%80',
	'%F4%90%80%80',
	'%2e%2e%2f%2e%2e%2fetc%2fpasswd',
	'..%5C..%5Cwindows',
	'-1',
	'0',
	'1e309',
	'NaN',
	'0x1F',
	'9'.repeat(40),
	'1.5',
	'%20',
	"'%20OR%201=1--",
	'%3Cscript%3Ealert(1)%3C%2Fscript%3E',
	'%24%7B7*7%7D%7B%7B7*7%7D%7D',
	'%0D%0ASet-Cookie:%20x=1',
	'%E2%80%AE%D8%B9%D8%B1%D8%A8%D9%8A',
	'%F0%9F%98%80%CC%81%CC%81',
	'x'.repeat(5_000),
	'Kappeln'.repeat(300),
	'a%5B%5D=1&a%5B%5D=2',
	'__proto__',
	'constructor',
	'2026-W00',
	'2026-13-45'
] as const;
const LOCALES = ['de', 'ar', 'de-x-easy', 'xx', 'DE', 'de%00'] as const;
const PATHS = [
	'/{l}/offers/{x}',
	'/{l}/offers/{x}/calendar.ics',
	'/{l}/search?q={x}',
	'/{l}/search?q=kurs&page={x}&sort={x}',
	'/{l}/search?near={x}&radius={x}',
	'/{l}/search?field={x}&language={x}&group={x}&district={x}&free={x}',
	'/{l}/calendar?week={x}',
	'/{l}/wege/{x}',
	'/{l}/wege?district={x}',
	'/{l}/mitmachen/{x}',
	'/{l}/mitmachen/{x}/danke',
	'/{l}/measures?{x}={x}',
	'/{l}/kitz?{x}',
	'/{l}/{x}',
	'/{x}',
	'/api/v1/offers?q={x}&page={x}&lang={x}',
	'/api/v1/offers/{x}?lang={x}',
	'/api/v1/committees?{x}={x}',
	'/api/v1/{x}',
	'/feeds/{x}.ics',
	'/{l}/rsvp/{x}',
	'/{l}/verify-offer/{x}',
	'/{l}/set-password?token={x}',
	'/{l}/office/{x}'
] as const;
// Posts only where no throttle counts them: this app's other test files log in and apply from
// the same address. A call's slug that names no call is refused before the throttle.
const POSTS = [
	'/{l}/mitmachen/{x}',
	'/{l}/rsvp/{x}',
	'/{l}/verify-offer/{x}',
	'/{l}/search?q={x}',
	'/{l}/offers/{x}',
	'/api/v1/offers?q={x}'
] as const;
const BODIES: { type: string; body: string }[] = [
	{ type: 'application/x-www-form-urlencoded', body: 'name=%E0%A4%A&&=&consent=%' },
	{ type: 'application/x-www-form-urlencoded', body: 'x'.repeat(20_000) },
	{ type: 'multipart/form-data; boundary=zzz', body: '--zzz\r\nContent-Disposition: form' },
	{ type: 'multipart/form-data', body: '--\r\n\r\n' },
	{ type: 'application/json', body: '{"name": ' },
	{ type: 'text/plain', body: '\u202e\ud800' },
	{ type: 'application/octet-stream', body: '\u0001\u0002' }
];
const HEADERS: Record<string, string>[] = [
	{},
	{ accept: 'text/html' },
	{ accept: 'application/json' },
	{ 'accept-language': 'zz-ZZ;q=abc, *;q=-1, ;;' },
	{ 'accept-language': 'ar'.repeat(500) },
	{ cookie: 'kitz_session=%E0%A4%A; ===' },
	{ range: 'bytes=9-1' },
	{ 'if-none-match': '"\u00e4"' }
];

interface Attempt {
	method: string;
	path: string;
	headers: Record<string, string>;
	body?: string;
}

function makeAttempts(): Attempt[] {
	const pick = seeded(SEED);
	const fill = (template: string) =>
		template.replaceAll('{l}', () => pick(LOCALES)).replaceAll('{x}', () => pick(JUNK));
	return Array.from({ length: REQUESTS }, (_, n): Attempt => {
		const headers = { ...pick(HEADERS) };
		if (n % 4 !== 3) return { method: 'GET', path: fill(pick(PATHS)), headers };
		const { type, body } = pick(BODIES);
		return {
			method: pick(['POST', 'POST', 'PUT', 'DELETE', 'PATCH']),
			path: fill(pick(POSTS)),
			headers: { ...headers, origin: baseUrl, 'content-type': type },
			body
		};
	});
}

/** The attempt's answer status, or what broke instead. */
async function statusOf({ method, path, headers, body }: Attempt): Promise<number | string> {
	try {
		const response = await fetch(`${baseUrl}${path}`, {
			method,
			headers,
			body,
			redirect: 'manual'
		});
		await response.arrayBuffer();
		return response.status;
	} catch (failure) {
		return String((failure as Error).cause ?? failure);
	}
}

it(`answers ${REQUESTS} malformed requests without a 5xx`, async () => {
	const attempts = makeAttempts();
	const failures: string[] = [];
	let next = 0;
	const worker = async () => {
		while (next < attempts.length) {
			const attempt = attempts[next++]!;
			const status = await statusOf(attempt);
			if (typeof status !== 'number' || status >= 500)
				failures.push(
					`${attempt.method} ${attempt.path.slice(0, 120)} ${attempt.headers['content-type'] ?? ''} → ${status}`
				);
		}
	};
	await Promise.all(Array.from({ length: IN_PARALLEL }, worker));
	expect(failures).toEqual([]);
});
