import { describe, expect, it } from 'vitest';
import { bodySizeLimit, formatBytes, MAX_FILE_BYTES, uploadLimit } from './limits.js';

describe('upload limits', () => {
	it('reads adapter-node BODY_SIZE_LIMIT values', () => {
		expect(bodySizeLimit(undefined)).toBe(512 * 1024);
		expect(bodySizeLimit('6M')).toBe(6 * 1024 * 1024);
		expect(bodySizeLimit('1000')).toBe(1000);
		expect(bodySizeLimit('Infinity')).toBe(Infinity);
	});

	it('states the smaller of the server limit and the import limit', () => {
		expect(uploadLimit(undefined)).toBe(512 * 1024);
		expect(uploadLimit('Infinity')).toBe(MAX_FILE_BYTES);
		expect(formatBytes(MAX_FILE_BYTES)).toBe('5 MB');
		expect(formatBytes(512 * 1024)).toBe('512 KB');
		expect(formatBytes(1536 * 1024, 'en')).toBe('1.5 MB');
	});
});
