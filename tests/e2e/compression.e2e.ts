import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';

/** The bytes as sent: fetch() would decode them on its own. */
function rawGet(path: string, acceptEncoding?: string) {
	const headers = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
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
