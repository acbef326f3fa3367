import { describe, expect, it } from 'vitest';
import {
	formList,
	formRowCount,
	formText,
	formTexts,
	optionalNumberOf,
	positiveIdOf
} from './form-data.js';
import { firstErrorPerInput } from './form-errors.js';

function formOf(entries: [string, string][]): FormData {
	const form = new FormData();
	for (const [name, value] of entries) form.append(name, value);
	return form;
}

describe('reading a posted form', () => {
	const form = formOf([
		['name', 'Sprachcafé'],
		['code', 'de'],
		['code', 'toolongcode'],
		['code', 'ar'],
		['date.0.day', '2026-12-05'],
		['date.1.day', ''],
		['date.3.day', '2026-12-07']
	]);

	it('reads a missing input as empty and cuts long ones', () => {
		expect(formText(form, 'name')).toBe('Sprachcafé');
		expect(formText(form, 'name', 6)).toBe('Sprach');
		expect(formText(form, 'missing')).toBe('');
		expect(formTexts(form, ['name', 'missing'], 4)).toEqual({ name: 'Spra', missing: '' });
	});

	it('caps lists, cutting or dropping values that are too long', () => {
		expect(formList(form, 'code', { count: 2, itemMax: 4 })).toEqual(['de', 'tool']);
		expect(formList(form, 'code', { count: 5, itemMax: 4, drop: true })).toEqual(['de', 'ar']);
		expect(formList(form, 'code', { count: 5 })).toEqual(['de', 'toolongcode', 'ar']);
		expect(formList(form, 'missing', { count: 5 })).toEqual([]);
	});

	it('counts rows up to the first gap or the maximum', () => {
		expect(formRowCount(form, 'date', 'day', 10)).toBe(2);
		expect(formRowCount(form, 'date', 'day', 1)).toBe(1);
		expect(formRowCount(form, 'agenda', 'title', 10)).toBe(0);
	});

	it('reads ids', () => {
		expect(positiveIdOf('12')).toBe(12);
		expect(positiveIdOf('0')).toBeNull();
		expect(positiveIdOf('1e3')).toBeNull();
		expect(positiveIdOf('1234567890')).toBeNull();
		expect(optionalNumberOf(' ')).toBeNull();
		expect(optionalNumberOf(' 7 ')).toBe(7);
		expect(optionalNumberOf('x7')).toBeNaN();
	});
});

describe('issues as form errors', () => {
	it('keeps the first message per input, and those already there', () => {
		const keyOf = {
			too_small: 'office.organisationForm.error.required',
			too_big: 'office.organisationForm.error.tooLong',
			invalid: 'office.organisationForm.error.invalid'
		} as const;
		const issues = [
			{ path: 'title', code: 'too_small' },
			{ path: 'title', code: 'too_big' },
			{ path: 'day', code: 'invalid' },
			{ path: 'skip', code: 'invalid' }
		] as const;
		const errors = firstErrorPerInput(
			issues,
			(issue) => (issue.path === 'skip' ? null : [issue.path, { key: keyOf[issue.code] }]),
			{ day: { key: 'error.badRequest' } }
		);
		expect(errors).toEqual({
			day: { key: 'error.badRequest' },
			title: { key: 'office.organisationForm.error.required' }
		});
	});
});
