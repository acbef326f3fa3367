import { describe, expect, it } from 'vitest';
import { stepDoneMessage } from './step-done';

describe('the confirmation after a workflow step', () => {
	it('names each step that was done', () => {
		expect(stepDoneMessage('approved')).toBe('office.offer.done.approved');
		expect(stepDoneMessage('changesRequested')).toBe('office.offer.done.changesRequested');
		expect(stepDoneMessage('submitted')).toBe('office.offer.done.submitted');
		expect(stepDoneMessage('archived')).toBe('office.offer.done.archived');
	});

	it('says nothing for a missing or made-up step', () => {
		expect(stepDoneMessage(null)).toBeNull();
		expect(stepDoneMessage('deleted')).toBeNull();
		expect(stepDoneMessage('<script>')).toBeNull();
	});
});
