import { describe, expect, it } from 'vitest';
import { parseScale } from './args.js';

describe('the bench’s arguments', () => {
	it('measure one district unless a scale is given', () => {
		expect(parseScale([])).toBe('district');
		expect(parseScale(['--scale', 'district'])).toBe('district');
	});

	it('take the country scale as two words or one', () => {
		expect(parseScale(['--scale', 'country'])).toBe('country');
		expect(parseScale(['--scale=country'])).toBe('country');
	});

	it('refuse what they do not know, saying what is allowed', () => {
		expect(() => parseScale(['--scale', 'state'])).toThrow(
			/unknown scale "state".*district\|country/
		);
		expect(() => parseScale(['--scale'])).toThrow(/unknown scale ""/);
		expect(() => parseScale(['country'])).toThrow(/unknown argument "country"/);
	});
});
