import { describe, expect, it } from 'vitest';
import { meetingInputSchema } from './meetings.schema.js';
import { meetingFormErrors, meetingInputOf, readMeetingForm } from './meeting-form.js';
import { parseOrThrow } from '../networks/networks.schema.js';
import { NetworkValidationError } from '../networks/networks.errors.js';

function formOf(entries: Record<string, string>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(entries)) form.append(name, value);
	return form;
}

const base = {
	title: 'Treffen',
	day: '2027-03-29',
	start: '10:00',
	end: '12:00',
	location: 'Rathaus',
	onlineUrl: '',
	description: ''
};

describe('the meeting form', () => {
	it('skips empty agenda rows and keeps spare ones for adding more', () => {
		const values = readMeetingForm(
			formOf({
				...base,
				'agenda.0.title': '',
				'agenda.0.start': '',
				'agenda.1.title': 'Begrüßung',
				'agenda.1.start': '10:00',
				'agenda.1.duration': '15'
			})
		);
		expect(values.agenda.map((row) => row.title)).toEqual(['Begrüßung', '', '']);
		const { input, rows } = meetingInputOf(values);
		expect(input).toMatchObject({ startsAt: '2027-03-29T10:00', endsAt: '2027-03-29T12:00' });
		expect(input.agenda).toEqual([
			{
				title: 'Begrüßung',
				presenter: '',
				presenterContactId: null,
				startsAt: '2027-03-29T10:00',
				durationMinutes: 15
			}
		]);
		expect(rows).toEqual([0]);
	});

	it('shows each problem at the input the person filled in', () => {
		const values = readMeetingForm(
			formOf({
				...base,
				day: '',
				location: '',
				onlineUrl: 'ftp://example.org',
				'agenda.0.title': '',
				'agenda.1.title': '',
				'agenda.1.presenter': 'Kai',
				'agenda.1.duration': '1.5'
			})
		);
		const { input, rows } = meetingInputOf(values);
		let issues: NetworkValidationError['issues'] = [];
		try {
			parseOrThrow(meetingInputSchema, input);
		} catch (failure) {
			issues = (failure as NetworkValidationError).issues;
		}
		const errors = meetingFormErrors(issues, values, rows);
		expect(
			Object.fromEntries(Object.entries(errors).map(([input, error]) => [input, error.key]))
		).toEqual({
			day: 'office.meetings.error.day',
			onlineUrl: 'office.meetings.error.url',
			'agenda.0.title': 'office.meetings.error.required',
			'agenda.0.duration': 'office.meetings.error.duration'
		});
	});
});
