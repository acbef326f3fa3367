import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id.js';

const GENERATED = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request id', () => {
	it.each([
		'0f8e6a52-3c1d-4e8b-9a7f-2b6c5d4e3f21',
		'7c9e1b2a4d6f8e0a1c3b5d7f9e2a4c6b',
		'Root=1-67891233-abcdef012345678912345678',
		'req_12345678'
	])('keeps a sane incoming id: %s', (incoming) => {
		expect(requestIdFrom(incoming)).toBe(incoming);
	});

	it.each([
		['none', null],
		['empty', ''],
		['too short', 'abc'],
		['too long', 'a'.repeat(129)],
		['a line break (log injection)', 'abcdefgh\n{"level":"fatal"}'],
		['spaces and quotes', 'abc def "ghi"'],
		['an e-mail address', 'max.mustermann@example.org'],
		['non-ASCII', 'anfrage-überall']
	])('replaces %s with a new id', (_case, incoming) => {
		const id = requestIdFrom(incoming);
		expect(id).toMatch(GENERATED);
		expect(id).not.toBe(incoming);
	});

	it('makes a different id for each request', () => {
		expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
	});
});
