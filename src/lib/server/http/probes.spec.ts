import { describe, expect, it } from 'vitest';
import { check, liveness, readiness } from './probes.js';

describe('probes', () => {
	it('answer a check ok, failed, unreachable when it throws, timeout when it hangs', async () => {
		expect(await check(async () => true, 'pending')).toBe('ok');
		expect(await check(async () => false, 'pending')).toBe('pending');
		expect(await check(() => Promise.reject(new Error('ECONNREFUSED')), 'pending')).toBe(
			'unreachable'
		);
		expect(await check(() => new Promise<boolean>(() => {}), 'pending', 20)).toBe('timeout');
	});

	it('say the process is up, uncached', async () => {
		const response = liveness();
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(await response.json()).toEqual({ status: 'ok' });
	});

	it('are not ready while the app starts, without waiting for it', async () => {
		const response = await readiness(undefined);
		expect(response.status).toBe(503);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(await response.json()).toMatchObject({
			status: 'unavailable',
			checks: { startup: 'starting' }
		});
	});
});
