/** Sent with every response, pages and API alike; the CSP comes from svelte.config.js. */
const ALWAYS = {
	'x-content-type-options': 'nosniff',
	// Not no-referrer: browsers then send Origin: null on form posts, which the CSRF check refuses.
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'geolocation=(), camera=(), microphone=(), interest-cohort=()',
	'cross-origin-opener-policy': 'same-origin'
};

/**
 * A year of HTTPS-only for this host. Without includeSubDomains: other hosts under a district's
 * domain may be run by others, and some may still need plain HTTP.
 */
const HSTS = 'max-age=31536000';

/** The headers for the app served at `origin` (ORIGIN): HSTS only when that is https. */
export function securityHeaders(origin: string): Record<string, string> {
	return origin.startsWith('https://')
		? { ...ALWAYS, 'strict-transport-security': HSTS }
		: { ...ALWAYS };
}
