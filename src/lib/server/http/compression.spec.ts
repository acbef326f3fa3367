import { brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressResponse, negotiateEncoding } from './compression.js';

const page = '<!doctype html><p>Deutschkurs in Flensburg</p>\n'.repeat(100);
const request = (acceptEncoding?: string) =>
	new Request('http://localhost/de', {
		headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
	});
const response = (body: BodyInit, type: string) =>
	new Response(body, { headers: { 'content-type': type, 'content-length': '4800' } });

describe('negotiateEncoding', () => {
	it.each([
		['gzip, deflate, br, zstd', 'br'],
		['gzip, deflate', 'gzip'],
		['br;q=0.5, gzip', 'gzip'],
		['br;q=0, *', 'gzip'],
		['*', 'br'],
		['identity', null],
		['gzip;q=0', null],
		['', null],
		[null, null]
	])('%s → %s', (header, expected) => expect(negotiateEncoding(header)).toBe(expected));
});

describe('compressResponse', () => {
	it.each([
		['br', brotliDecompressSync],
		['gzip', gunzipSync]
	] as const)(
		'sends %s that decodes to the same bytes, without a stale length',
		async (name, decode) => {
			const compressed = compressResponse(request(name), response(page, 'text/html'));
			expect(compressed.headers.get('content-encoding')).toBe(name);
			expect(compressed.headers.get('content-length')).toBeNull();
			expect(compressed.headers.get('vary')).toBe('Accept-Encoding');
			const bytes = Buffer.from(await compressed.arrayBuffer());
			expect(bytes.length).toBeLessThan(page.length / 10);
			expect(decode(bytes).toString()).toBe(page);
		}
	);

	it('leaves the body alone when the client asks for no encoding, but still varies on it', () => {
		const plain = response(page, 'text/html; charset=utf-8');
		expect(compressResponse(request(), plain)).toBe(plain);
		expect(plain.headers.get('vary')).toBe('Accept-Encoding');
		expect(plain.headers.get('content-length')).toBe('4800');
	});

	it.each([
		'application/pdf',
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		'image/png'
	])('does not compress %s again', (type) => {
		const download = response(page, type);
		expect(compressResponse(request('br'), download)).toBe(download);
		expect(download.headers.get('vary')).toBeNull();
	});

	it.each(['text/csv', 'text/calendar', 'application/json', 'application/ld+json'])(
		'compresses %s',
		(type) => {
			expect(
				compressResponse(request('gzip'), response(page, type)).headers.get('content-encoding')
			).toBe('gzip');
		}
	);

	it('keeps a short answer as it is', () => {
		const short = new Response('{}', {
			headers: { 'content-type': 'application/json', 'content-length': '2' }
		});
		expect(compressResponse(request('br'), short)).toBe(short);
	});

	it('adds to a Vary the response has', () => {
		const plain = response(page, 'text/html');
		plain.headers.set('vary', 'Cookie');
		compressResponse(request(), plain);
		expect(plain.headers.get('vary')).toBe('Cookie, Accept-Encoding');
	});

	it('passes each chunk of a streamed body on before the stream ends', async () => {
		let more!: () => void;
		const body = new ReadableStream<Uint8Array>({
			async start(controller) {
				controller.enqueue(new TextEncoder().encode('first '));
				await new Promise<void>((resolve) => (more = resolve));
				controller.enqueue(new TextEncoder().encode('second'));
				controller.close();
			}
		});
		const streamed = compressResponse(
			request('gzip'),
			new Response(body, { headers: { 'content-type': 'text/plain' } })
		);
		const reader = streamed.body!.getReader();
		const first = await reader.read();
		expect(gunzipSync(first.value!, { finishFlush: constants.Z_SYNC_FLUSH }).toString()).toBe(
			'first '
		);
		more();
		const rest: Uint8Array[] = [first.value!];
		for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
			rest.push(chunk.value);
		expect(gunzipSync(Buffer.concat(rest)).toString()).toBe('first second');
	});
});
