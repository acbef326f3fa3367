import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.js';

describe('editDistance', () => {
	it('counts substitutions, insertions and deletions', () => {
		expect(editDistance('flensborg', 'flensburg')).toBe(1);
		expect(editDistance('schlesweg', 'schleswig')).toBe(1);
		expect(editDistance('kapeln', 'kappeln')).toBe(1);
		expect(editDistance('kappelns', 'kappeln')).toBe(1);
		expect(editDistance('', 'tarp')).toBe(4);
	});

	it('counts a swap of neighbours as one mistake', () => {
		expect(editDistance('tapr', 'tarp')).toBe(1);
	});

	it('is zero only for equal words', () => {
		expect(editDistance('idstedt', 'idstedt')).toBe(0);
		expect(editDistance('husby', 'hüsby')).toBe(1);
	});
});
