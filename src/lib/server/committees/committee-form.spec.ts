import { describe, expect, it } from 'vitest';
import {
	committeeFormErrors,
	committeeInputOf,
	emptyCommitteeForm,
	figuresInputOf,
	termInputOf
} from './committee-form.js';

describe('the committee forms', () => {
	it('reads counts as typed, keeping a minus sign so that "negative" can be said', () => {
		const input = figuresInputOf({
			recordedOn: ' 2026-10-01 ',
			answered: '12',
			migrationHistory: '-3',
			women: '',
			men: 'x',
			diverse: '0',
			genderNotStated: ' 4 '
		});
		expect(input).toEqual({
			recordedOn: '2026-10-01',
			answered: 12,
			migrationHistory: -3,
			women: Number.NaN,
			men: Number.NaN,
			diverse: 0,
			genderNotStated: 4
		});
	});

	it('reads empty choices and dates as none', () => {
		const values = { ...emptyCommitteeForm(), seats: '9', organisationId: '', contactId: 'abc' };
		expect(committeeInputOf(values)).toMatchObject({
			seats: 9,
			organisationId: null,
			contactId: 0
		});
		expect(termInputOf({ startsOn: '2026-05-01', endsOn: ' ', seats: '' })).toEqual({
			startsOn: '2026-05-01',
			endsOn: null,
			seats: null
		});
	});

	it('puts each issue at its input, with the form prefix and the limits named', () => {
		expect(
			committeeFormErrors(
				[
					{ path: 'seats', code: 'seats_range' },
					{ path: 'contactId', code: 'seats_full', params: { seats: 2 } },
					{ path: 'contactId', code: 'no_consent' },
					{ path: 'name', code: 'too_small' }
				],
				'member-'
			)
		).toEqual({
			'member-seats': { key: 'office.committees.error.seats_range', params: { max: 200 } },
			'member-contactId': { key: 'office.committees.error.seats_full', params: { seats: 2 } },
			'member-name': { key: 'office.committees.error.required' }
		});
	});
});
