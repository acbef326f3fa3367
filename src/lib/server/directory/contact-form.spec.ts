import { describe, expect, it } from 'vitest';
import { contactInputOf, formErrorsOf, readContactForm } from './contact-form.js';
import { contactSchema, issuesOf } from './contacts.schema.js';

function form(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
}

describe('the contact form', () => {
	it('keeps what was typed and turns the organisation into an id', () => {
		const values = readContactForm(
			form([
				['name', ' Ayşe Yıldız '],
				['organisationId', '12'],
				['languages', 'tr'],
				['languages', 'de'],
				['actionFields', 'women']
			])
		);
		expect(values).toMatchObject({ name: ' Ayşe Yıldız ', email: '', languages: ['tr', 'de'] });
		expect(contactInputOf(values).organisationId).toBe(12);
		expect(contactInputOf({ ...values, organisationId: '' }).organisationId).toBeNull();
		expect(contactInputOf({ ...values, organisationId: 'x' }).organisationId).toBeNaN();
	});

	it('names one problem per input with a message of its own', () => {
		const parsed = contactSchema.safeParse({
			name: '',
			roleTitle: 'x'.repeat(201),
			email: 'nope',
			phone: '12',
			organisationId: Number.NaN
		});
		expect(parsed.success).toBe(false);
		const errors = formErrorsOf(issuesOf(parsed.error!));
		expect(errors).toEqual({
			name: { key: 'office.directory.error.required' },
			roleTitle: { key: 'office.directory.error.tooLong', params: { max: 200 } },
			email: { key: 'office.directory.error.email' },
			phone: { key: 'office.directory.error.phone' },
			organisationId: { key: 'office.directory.error.organisationId' }
		});
	});

	it('names a consent already given and a key already used, with a prefix for row forms', () => {
		expect(formErrorsOf([{ path: 'purposeId', message: 'already given', code: 'taken' }])).toEqual({
			purposeId: { key: 'office.directory.error.purposeTaken' }
		});
		expect(formErrorsOf([{ path: 'key', message: 'already used', code: 'taken' }])).toEqual({
			key: { key: 'office.directory.error.keyTaken' }
		});
		expect(
			formErrorsOf([{ path: 'withdrawnOn', message: 'in the future' }], 'withdraw-3-')
		).toEqual({ 'withdraw-3-withdrawnOn': { key: 'office.directory.error.withdrawnOn' } });
	});
});
