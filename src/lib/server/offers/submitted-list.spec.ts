import { describe, expect, it } from 'vitest';
import { submittedListOf } from './submitted-list.js';

describe('the list of submitted offers', () => {
	it('is the review queue for those who approve', () => {
		expect(submittedListOf({ role: 'coordinator', districtId: 1, organisationIds: [] })).toBe(
			'reviewQueue'
		);
		expect(submittedListOf({ role: 'administrator', districtId: 1, organisationIds: [] })).toBe(
			'reviewQueue'
		);
	});

	it("is a partner's own submissions, not a queue they could review", () => {
		expect(submittedListOf({ role: 'partner_editor', districtId: 1, organisationIds: [4] })).toBe(
			'mySubmitted'
		);
	});
});
