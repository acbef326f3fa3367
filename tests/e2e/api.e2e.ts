import { describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import {
	errorSchema,
	offerListSchema,
	offerResponseSchema
} from '../../src/lib/server/api/schemas.js';

const baseUrl = e2eApp().baseUrl;

async function get(path: string, init: RequestInit = {}) {
	const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual', ...init });
	return { response, body: (await response.json()) as unknown };
}

/** What every API answer shares: JSON, readable from any site, cacheable, never a cookie. */
function expectPublicJson(response: Response) {
	expect(response.headers.get('content-type')).toContain('application/json');
	expect(response.headers.get('access-control-allow-origin')).toBe('*');
	expect(response.headers.get('cache-control')).toBe('public, max-age=60');
	expect(response.headers.get('set-cookie')).toBeNull();
	expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('public offers API on the running app', () => {
	it('neither reads nor clears a session cookie sent along', async () => {
		const { response } = await get('/api/v1/offers', {
			headers: { cookie: 'kitz_session=expired-or-forged' }
		});
		expect(response.status).toBe(200);
		expectPublicJson(response);
	});

	it('searches the demo offers in the asked language, as documented', async () => {
		const { response, body } = await get('/api/v1/offers?lang=en&field=language', {
			headers: { origin: 'https://partner.example' }
		});
		expect(response.status).toBe(200);
		expectPublicJson(response);
		const result = offerListSchema.parse(body);
		expect(result.lang).toBe('en');
		expect(result.total).toBeGreaterThan(0);
		expect(result.notices).toEqual([]);
		for (const item of result.items) {
			expect(item.actionFields).toContain('language');
			expect(item.url).toBe(`${baseUrl}/en/offers/${item.slug}`);
		}
	});

	it('answers a malformed query with results and notices, not an error', async () => {
		const { response, body } = await get('/api/v1/offers?page=abc&radius=7&field=nope');
		expect(response.status).toBe(200);
		expectPublicJson(response);
		const result = offerListSchema.parse(body);
		expect(result.page).toBe(1);
		expect(result.total).toBeGreaterThan(0);
		expect(result.notices.map((notice) => notice.code).sort()).toEqual([
			'badPage',
			'unknownValue',
			'unknownValue'
		]);
		expect(result.notices.map((notice) => notice.message).join(' ')).toContain('„nope“');
	});

	it('shows one offer in detail and links back to its portal page', async () => {
		const list = offerListSchema.parse((await get('/api/v1/offers')).body);
		const slug = list.items[0]!.slug;
		const { response, body } = await get(`/api/v1/offers/${slug}?lang=uk`);
		expect(response.status).toBe(200);
		expectPublicJson(response);
		const { offer, lang } = offerResponseSchema.parse(body);
		expect(lang).toBe('uk');
		expect(offer.slug).toBe(slug);
		const page = await fetch(offer.url);
		expect(page.status).toBe(200);
	});

	it('answers an unknown offer with a JSON 404', async () => {
		const { response, body } = await get('/api/v1/offers/nope');
		expect(response.status).toBe(404);
		expectPublicJson(response);
		expect(errorSchema.parse(body).error.code).toBe('not_found');
	});

	it('answers an unknown API address with a JSON 404', async () => {
		const { response, body } = await get('/api/v1/nothing/here');
		expect(response.status).toBe(404);
		expect(errorSchema.parse(body).error.code).toBe('not_found');
	});

	it('serves its OpenAPI document', async () => {
		const { response, body } = await get('/api/v1/openapi.json');
		expect(response.status).toBe(200);
		expectPublicJson(response);
		expect(body).toMatchObject({
			openapi: '3.1.0',
			servers: [{ url: `${baseUrl}/api/v1` }],
			paths: { '/offers': {}, '/offers/{slug}': {}, '/openapi.json': {} },
			components: { schemas: { OfferList: {}, OfferInput: {} } }
		});
	});

	it('lets browsers on other sites ask first', async () => {
		const response = await fetch(`${baseUrl}/api/v1/offers`, {
			method: 'OPTIONS',
			headers: {
				origin: 'https://partner.example',
				'access-control-request-method': 'GET'
			}
		});
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('access-control-allow-methods')).toContain('GET');
	});
});
