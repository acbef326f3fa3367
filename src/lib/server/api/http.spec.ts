import { describe, expect, it, vi } from 'vitest';
import { OfferNotFoundError } from '../offers/offers.errors.js';
import { apiMethodNotAllowed, apiRespond } from './http.js';
import { errorSchema } from './schemas.js';

describe('API responses', () => {
	it('sends JSON that any site may read and caches may keep a minute', async () => {
		const response = await apiRespond(async () => ({ ok: true }));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('cache-control')).toBe('public, max-age=60');
		expect(await response.json()).toEqual({ ok: true });
	});

	it('answers a missing offer with a documented 404 error', async () => {
		const response = await apiRespond(async () => {
			throw new OfferNotFoundError('nope');
		});
		expect(response.status).toBe(404);
		expect(errorSchema.parse(await response.json()).error.code).toBe('not_found');
	});

	it('answers a failure with a 500 error that reveals nothing and is not cached', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const response = await apiRespond(async () => {
			throw new Error('connection refused at db.internal:5432');
		});
		log.mockRestore();
		expect(response.status).toBe(500);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const body = errorSchema.parse(await response.json());
		expect(body.error.code).toBe('internal');
		expect(JSON.stringify(body)).not.toContain('db.internal');
	});

	it('refuses other methods than GET', async () => {
		const response = apiMethodNotAllowed();
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toContain('GET');
	});
});
