import { describe, expect, it } from 'vitest';
import {
	applicationFormErrors,
	applicationInputOf,
	callFormErrors,
	readApplicationForm
} from './calls.form.js';

const form = (entries: [string, string][]) => {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
};

describe('the application form', () => {
	it('reads what was typed, the consent only when ticked, and the honeypot apart', () => {
		const { values, trap } = readApplicationForm(
			form([
				['name', 'Olena'],
				['languages', 'uk'],
				['languages', 'de'],
				['placeId', '12'],
				['website', 'https://spam.example']
			])
		);
		expect(values).toMatchObject({ name: 'Olena', languages: ['uk', 'de'], consent: false });
		expect(trap).toBe('https://spam.example');
		expect(applicationInputOf(values)).toMatchObject({ placeId: 12, email: '', consent: false });
		// A place that is no id is refused by the domain, not taken for "none".
		expect(applicationInputOf({ ...values, placeId: 'Kappeln' }).placeId).toBe(0);
		expect(applicationInputOf({ ...values, placeId: '' }).placeId).toBeNull();
	});

	it("names each input's first problem in the visitor's words", () => {
		expect(
			applicationFormErrors([
				{ path: 'message', code: 'too_big' },
				{ path: 'email', code: 'no_contact_way' },
				{ path: 'email', code: 'invalid_format' },
				{ path: 'consent', code: 'consent_missing' },
				{ path: 'languages.0', code: 'invalid_format' }
			])
		).toEqual({
			message: { key: 'portal.participation.error.tooLong', params: { max: 5000 } },
			email: { key: 'portal.participation.error.contactWay' },
			consent: { key: 'portal.participation.error.consent' },
			languages: { key: 'portal.participation.error.languages' }
		});
	});
});

describe('the call form', () => {
	it('places translation issues at their inputs and says how many seats there are', () => {
		expect(
			callFormErrors([
				{ path: 'translations.uk.title', code: 'too_big' },
				{ path: 'seatsSought', code: 'more_than_seats', params: { seats: 12 } },
				{ path: 'title', code: 'too_small' },
				{ path: 'deadline', code: 'deadline_past' }
			])
		).toEqual({
			'tr.uk.title': { key: 'office.calls.error.too_big' },
			seatsSought: { key: 'office.calls.error.more_than_seats', params: { seats: 12 } },
			title: { key: 'office.calls.error.required' },
			deadline: { key: 'office.calls.error.deadline_past' }
		});
	});
});
