import { describe, expect, it } from 'vitest';
import { formErrorsOf, organisationInputOf, readOrganisationForm } from './organisation-form.js';

describe('the organisation form', () => {
	it('reads every input as text and leaves the place to the domain to check', () => {
		const form = new FormData();
		form.set('name', 'Treffpunkt e. V.');
		form.set('placeId', '12');
		const values = readOrganisationForm(form);
		expect(values).toMatchObject({ name: 'Treffpunkt e. V.', email: '', placeId: '12' });
		expect(organisationInputOf(values).placeId).toBe(12);
		expect(organisationInputOf({ ...values, placeId: '' }).placeId).toBeNull();
		expect(organisationInputOf({ ...values, placeId: '1e3' }).placeId).toBeNaN();
	});

	it('gives each input one message, the specific one where the input has a rule', () => {
		expect(
			formErrorsOf([
				{ path: 'name', message: '', code: 'too_small', limit: 1 },
				{ path: 'street', message: '', code: 'too_big', limit: 200 },
				{ path: 'phone', message: '', code: 'invalid_format' },
				{ path: 'phone', message: '', code: 'custom' },
				{ path: 'placeId', message: '', code: 'unknown_place' },
				{ path: 'languages.2', message: '', code: 'invalid_value' },
				{ path: 'role', message: '', code: 'invalid_type' }
			])
		).toEqual({
			name: { key: 'office.organisationForm.error.required' },
			street: { key: 'office.organisationForm.error.tooLong', params: { max: 200 } },
			phone: { key: 'office.organisationForm.error.phone' },
			placeId: { key: 'office.organisationForm.error.placeId' },
			languages: { key: 'office.organisationForm.error.languages' },
			role: { key: 'office.organisationForm.error.invalid' }
		});
	});
});
