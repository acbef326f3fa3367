import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { SESSION_COOKIE } from '../../src/lib/server/accounts/session-cookie.js';
import { e2eApp } from '../support/e2e-app.js';

/** The bytes as sent: fetch() would decode them on its own. */
function rawGet(path: string, acceptEncoding?: string, more: Record<string, string> = {}) {
	const headers = { ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}), ...more };
	return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>(
		(resolve, reject) =>
			get(`${e2eApp().baseUrl}${path}`, { headers }, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						headers: response.headers,
						body: Buffer.concat(chunks)
					})
				);
			}).on('error', reject)
	);
}

const SEARCH = '/de/search?q=deutschkurs';

describe('compressed answers', () => {
	it.each([
		['br', brotliDecompressSync],
		['gzip', gunzipSync]
	] as const)('the search page in %s decodes to the plain page', async (encoding, decode) => {
		const plain = await rawGet(SEARCH);
		const compressed = await rawGet(SEARCH, `${encoding}, deflate`);
		expect(plain.status).toBe(200);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.headers['vary']).toContain('Accept-Encoding');
		expect(compressed.headers['content-encoding']).toBe(encoding);
		expect(compressed.headers['vary']).toContain('Accept-Encoding');
		expect(compressed.body.length).toBeLessThan(plain.body.length / 4);
		expect(decode(compressed.body).toString()).toBe(plain.body.toString());
	});

	it('keeps the length of a plain answer for clients that ask for no encoding', async () => {
		const plain = await rawGet(SEARCH, 'identity');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
	});

	it('serves the content-hashed stylesheet and script precompressed, cached for a year', async () => {
		const page = (await rawGet(SEARCH)).body.toString();
		const assets = [...page.matchAll(/(?:href|src)="(\/_app\/immutable\/assets\/[^"]+)"/g)].map(
			(match) => match[1]!
		);
		expect(assets.some((path) => /\/styles\.[\w-]+\.css$/.test(path))).toBe(true);
		expect(assets.some((path) => /\/enhance\.[\w-]+\.js$/.test(path))).toBe(true);
		for (const path of assets) {
			const asset = await rawGet(path, 'br');
			expect(asset.status, path).toBe(200);
			expect(asset.headers['cache-control'], path).toBe('public,max-age=31536000,immutable');
			expect(asset.headers['content-encoding'], path).toBe('br');
		}
	});
});

describe('the page cache', () => {
	it('answers a repeated page from memory until another process changes the content', async () => {
		const path = '/ar/search?radius=10&near=Kappeln';
		const first = await rawGet(path, 'gzip');
		const again = await rawGet('/ar/search?near=Kappeln&radius=10', 'gzip');
		expect(again.headers['x-cache']).toBe('hit');
		expect(again.body.equals(first.body)).toBe(true);
		expect(again.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
		expect(again.headers['content-security-policy']).toBeDefined();
		expect((await rawGet(path, 'br')).headers['content-encoding']).toBe('br');

		const database = openDatabase(e2eApp().databaseUrl);
		try {
			await sql`update content_version set version = version + 1`.execute(database.db);
		} finally {
			await database.close();
		}
		expect((await rawGet(path, 'gzip')).headers['x-cache']).toBe('miss');
	});

	it('never shares the answer to a visitor with a session cookie or the back office', async () => {
		await rawGet('/de/kitz');
		const signedIn = await rawGet('/de/kitz', undefined, { cookie: `${SESSION_COOKIE}=x` });
		expect(signedIn.headers['x-cache']).toBeUndefined();
		expect(signedIn.headers['set-cookie']).toBeDefined();
		await rawGet('/de/login');
		expect((await rawGet('/de/login')).headers['x-cache']).toBeUndefined();
	});
});
