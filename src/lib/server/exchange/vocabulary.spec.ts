import { describe, expect, it } from 'vitest';
import { allowedLabels, labelOf, lookupValue, splitList } from './vocabulary.js';

describe('vocabulary of the template', () => {
	it('accepts codes, German labels and common words alike', () => {
		expect(lookupValue('actionFields', 'Sprache')).toBe('language');
		expect(lookupValue('actionFields', 'intercultural_opening')).toBe('intercultural_opening');
		expect(lookupValue('actionFields', 'interkulturelle öffnung')).toBe('intercultural_opening');
		expect(lookupValue('languages', 'Arabisch')).toBe('ar');
		expect(lookupValue('languages', 'Ukrainian')).toBe('uk');
		expect(lookupValue('languages', 'Dari')).toBe('fa');
		expect(lookupValue('languageLevel', 'Deutsch ab B1')).toBe('B1');
		expect(lookupValue('access', 'Ohne Anmeldung – einfach vorbeikommen')).toBe('walk_in');
		expect(lookupValue('cost', 'Ermäßigt')).toBe('reduced');
		expect(lookupValue('actionFields', 'Sprachkurs')).toBeUndefined();
	});

	it('writes labels that read back as the same code', () => {
		for (const [vocabulary, code] of [
			['accessibility', 'near_public_transport'],
			['targetGroups', 'skilled_workers'],
			['languageLevel', 'none'],
			['cost', 'amount']
		] as const)
			expect(lookupValue(vocabulary, labelOf(vocabulary, code))).toBe(code);
		expect(allowedLabels('languageLevel')).toBe('keine, A1, A2, B1, B2, C1');
	});

	it('splits lists at commas, semicolons, bars and line breaks', () => {
		expect(splitList('Sprache, Arbeit;Frauen |\nGesundheit,,')).toEqual([
			'Sprache',
			'Arbeit',
			'Frauen',
			'Gesundheit'
		]);
	});
});
