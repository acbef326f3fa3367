import { describe, expect, it } from 'vitest';
import { isSharedRead, PageCache, pageKey } from './page-cache';

const STAMP = '7@2026-12-01T10:00';
const request = (
	path = '/de/search?q=kurs',
	headers: Record<string, string> = {},
	method = 'GET'
) => new Request(`http://localhost${path}`, { method, headers });
const keyOf = (req: Request) => pageKey(req, new URL(req.url), 'de');

/** A renderer that counts its renderings and answers with `init`. */
function renderer(body = 'x'.repeat(2000), init: ResponseInit = {}) {
	const counter = {
		renders: 0,
		render: async () => {
			counter.renders++;
			return new Response(`${body}${counter.renders}`, {
				status: 200,
				...init,
				headers: { 'content-type': 'text/html', ...(init.headers as Record<string, string>) }
			});
		}
	};
	return counter;
}

describe('page cache', () => {
	const portalRead = {
		method: 'GET',
		routeId: '/(portal)/[lang=locale]/search',
		dataRequest: false,
		sessionCookie: false
	};

	it('shares reads of portal pages only', () => {
		expect(isSharedRead(portalRead)).toBe(true);
		expect(isSharedRead({ ...portalRead, method: 'HEAD' })).toBe(true);
		for (const other of [
			{ method: 'POST' },
			{ sessionCookie: true },
			{ dataRequest: true },
			{ routeId: '/(office)/[lang=locale]/office/offers' },
			{ routeId: '/api/v1/offers' },
			{ routeId: null }
		])
			expect(isSharedRead({ ...portalRead, ...other }), JSON.stringify(other)).toBe(false);
	});

	it('answers a repeated page from the cache without rendering it again', async () => {
		const cache = new PageCache(1024 * 1024);
		const page = renderer('page');
		const first = await cache.answer(request(), keyOf(request()), STAMP, page.render);
		const second = await cache.answer(request(), keyOf(request()), STAMP, page.render);
		expect([first.headers.get('x-cache'), second.headers.get('x-cache')]).toEqual(['miss', 'hit']);
		expect(await second.text()).toBe('page1');
		expect(second.headers.get('content-length')).toBe('5');
		expect(page.renders).toBe(1);
	});

	it('renders identical pages asked for at once only once', async () => {
		const cache = new PageCache(1024 * 1024);
		const page = renderer('page');
		const answers = await Promise.all(
			Array.from({ length: 5 }, () => cache.answer(request(), keyOf(request()), STAMP, page.render))
		);
		expect(page.renders).toBe(1);
		expect(await Promise.all(answers.map((answer) => answer.text()))).toEqual(
			Array(5).fill('page1')
		);
	});

	it('keys by address with its parameters in any order, language and encoding', () => {
		const gzip = { 'accept-encoding': 'gzip' };
		const url = (path: string) => new URL(`http://localhost${path}`);
		expect(pageKey(request('/de/search?a=1&b=2', gzip), url('/de/search?a=1&b=2'), 'de')).toBe(
			pageKey(request('/de/search?b=2&a=1', gzip), url('/de/search?b=2&a=1'), 'de')
		);
		const keys = new Set([
			pageKey(request('/de', gzip), url('/de'), 'de'),
			pageKey(request('/de', { 'accept-encoding': 'br' }), url('/de'), 'de'),
			pageKey(request('/de'), url('/de'), 'de'),
			pageKey(request('/ar', gzip), url('/ar'), 'ar')
		]);
		expect(keys.size).toBe(4);
	});

	it('starts afresh when the stamp moves (a change, or the next minute)', async () => {
		const cache = new PageCache(1024 * 1024);
		const page = renderer('page');
		await cache.answer(request(), keyOf(request()), STAMP, page.render);
		const next = await cache.answer(request(), keyOf(request()), '8@2026-12-01T10:00', page.render);
		expect([next.headers.get('x-cache'), await next.text()]).toEqual(['miss', 'page2']);
		expect(cache.size).toBe(1);
	});

	it.each([
		['a cookie', { headers: { 'set-cookie': 'a=b' } }],
		['an error', { status: 500 }],
		['a private answer', { headers: { 'cache-control': 'private' } }],
		['an answer that varies by language', { headers: { vary: 'Accept-Language' } }]
	])('never keeps %s', async (_case, init: ResponseInit) => {
		const cache = new PageCache(1024 * 1024);
		const page = renderer('page', init);
		await cache.answer(request(), keyOf(request()), STAMP, page.render);
		const again = await cache.answer(request(), keyOf(request()), STAMP, page.render);
		expect([again.headers.get('x-cache'), page.renders]).toEqual(['bypass', 2]);
	});

	it('keeps a deliberate 404 and a page that varies by encoding', async () => {
		const cache = new PageCache(1024 * 1024);
		const page = renderer('gone', { status: 404, headers: { vary: 'Accept-Encoding' } });
		await cache.answer(request(), keyOf(request()), STAMP, page.render);
		const again = await cache.answer(request(), keyOf(request()), STAMP, page.render);
		expect([again.status, again.headers.get('x-cache'), page.renders]).toEqual([404, 'hit', 1]);
	});

	it('holds its byte bound by dropping the least recently used page', async () => {
		const cache = new PageCache(16_000);
		const page = renderer('y'.repeat(1500));
		const ask = (path: string) =>
			cache.answer(request(path), keyOf(request(path)), STAMP, page.render);
		for (let i = 0; i < 9; i++) await ask(`/de/search?q=${i}`);
		// Asked for again before the bound is reached: the first page is no longer the oldest.
		expect((await ask('/de/search?q=0')).headers.get('x-cache')).toBe('hit');
		for (let i = 9; i < 12; i++) await ask(`/de/search?q=${i}`);
		expect(cache.bytes).toBeLessThanOrEqual(16_000);
		expect(cache.size).toBeLessThan(12);
		expect((await ask('/de/search?q=0')).headers.get('x-cache')).toBe('hit');
		expect((await ask('/de/search?q=1')).headers.get('x-cache')).toBe('miss');
	});

	it('answers 304 to a client holding the page, and HEAD without a body', async () => {
		const cache = new PageCache(1024 * 1024);
		const page = renderer('page');
		const first = await cache.answer(request(), keyOf(request()), STAMP, page.render);
		const etag = first.headers.get('etag')!;
		const revalidated = await cache.answer(
			request('/de/search?q=kurs', { 'if-none-match': `W/${etag}` }),
			keyOf(request()),
			STAMP,
			page.render
		);
		expect([revalidated.status, revalidated.headers.get('etag')]).toEqual([304, etag]);
		const head = await cache.answer(
			request('/de/search?q=kurs', {}, 'HEAD'),
			keyOf(request()),
			STAMP,
			page.render
		);
		expect([head.status, head.headers.get('content-length'), await head.text()]).toEqual([
			200,
			'5',
			''
		]);
		expect(page.renders).toBe(1);
	});
});
