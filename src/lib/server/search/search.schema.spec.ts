import { describe, expect, it } from 'vitest';
import { activeFilterCount, parseSearchParams } from './search.schema.js';

const countOf = (query: string) =>
	activeFilterCount(parseSearchParams(new URLSearchParams(query)).filters);

describe('activeFilterCount', () => {
	it('counts each ticked filter and a chosen district', () => {
		expect(countOf('field=language&field=work&language=ar&free=1&online=1&district=sl-fl')).toBe(6);
	});

	it('leaves out the text, the place, the sort and unknown values', () => {
		expect(countOf('q=deutsch&near=Kappeln&radius=25&sort=title&page=2&field=nonsense')).toBe(0);
	});
});
