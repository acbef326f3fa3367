import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.js';

describe('security headers', () => {
	it('ask browsers for HTTPS only when the app is served over https', () => {
		const headers = securityHeaders('https://angebote.kreis-sl-fl.de');
		expect(headers['strict-transport-security']).toBe('max-age=31536000');
		expect(headers['x-content-type-options']).toBe('nosniff');
	});

	it('never send HSTS for a plain-http origin', () => {
		const headers = securityHeaders('http://localhost:3000');
		expect(headers).not.toHaveProperty('strict-transport-security');
		expect(headers['x-frame-options']).toBe('DENY');
	});
});
