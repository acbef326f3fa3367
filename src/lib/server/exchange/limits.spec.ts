import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../shared/files/limits.js';
import { MAX_FILE_BYTES, uploadLimit } from './limits.js';

describe('upload limits', () => {
	it('states the smaller of the server limit and the import limit', () => {
		expect(uploadLimit(undefined)).toBe(512 * 1024);
		expect(uploadLimit('Infinity')).toBe(MAX_FILE_BYTES);
		expect(formatBytes(MAX_FILE_BYTES)).toBe('5 MB');
	});
});
