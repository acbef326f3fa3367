import { describe, expect, it } from 'vitest';
import { bodySizeLimit, formatBytes } from './limits.js';

describe('file size limits', () => {
	it('reads adapter-node BODY_SIZE_LIMIT values', () => {
		expect(bodySizeLimit(undefined)).toBe(512 * 1024);
		expect(bodySizeLimit('6M')).toBe(6 * 1024 * 1024);
		expect(bodySizeLimit('1000')).toBe(1000);
		expect(bodySizeLimit('Infinity')).toBe(Infinity);
	});

	it('writes byte counts as people read them', () => {
		expect(formatBytes(512 * 1024)).toBe('512 KB');
		expect(formatBytes(1536 * 1024, 'en')).toBe('1.5 MB');
	});
});
