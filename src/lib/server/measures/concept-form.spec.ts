import { describe, expect, it } from 'vitest';
import { conceptFormErrors, formNumber, readGoalTexts } from './concept-form.js';
import { parseDecimal } from './concept-rules.js';
import { parameterOf } from './computations.js';

describe('conceptFormErrors', () => {
	it('gives each input its first message, a translation its own input', () => {
		expect(
			conceptFormErrors([
				{ path: 'period', code: 'wrong_kind_quarter' },
				{ path: 'period', code: 'outside_concept' },
				{ path: 'translations.ar', code: 'too_big' },
				{ path: 'value', code: 'something_new' }
			])
		).toEqual({
			period: { key: 'office.concept.error.wrongKind.quarter' },
			'tr.ar.text': { key: 'office.concept.error.tooLong' },
			value: { key: 'office.concept.error.invalid' }
		});
	});
});

describe('formNumber', () => {
	it('writes numbers so that parseDecimal reads them back, in German and English', () => {
		for (const locale of ['de', 'en'] as const)
			for (const value of [12.5, 1234567.25, -3, 0.125])
				expect(parseDecimal(formNumber(locale)(value)), `${locale} ${value}`).toBe(value);
		expect(formNumber('de')(1234.5)).toBe('1234,5');
	});
});

describe('readGoalTexts', () => {
	it('reads translations and the confirmed languages from the shared translation rows', () => {
		const form = new FormData();
		form.set('text', 'Ziel');
		form.set('tr.en.text', 'Goal');
		form.append('confirmed', 'en.text');
		form.append('confirmed', 'xx.text');
		const texts = readGoalTexts(form);
		expect(texts.translations?.en).toBe('Goal');
		expect(texts.confirmed).toEqual(['en']);
	});
});

describe('parameterOf', () => {
	it('uses the given parameter, else the default, and none where a computation takes none', () => {
		expect(parameterOf('municipalities_within_km', 25)).toBe(25);
		expect(parameterOf('municipalities_within_km', null)).toBe(10);
		expect(parameterOf('offers_confirmed_recently', null)).toBe(6);
		expect(parameterOf('published_offers', 5)).toBeNull();
	});
});
