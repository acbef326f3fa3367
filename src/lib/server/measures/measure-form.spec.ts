import { describe, expect, it } from 'vitest';
import {
	amountOf,
	budgetInputOf,
	centsOf,
	measureFormErrors,
	reachInputOf,
	readReachForm
} from './measure-form.js';

describe('amounts in the budget form', () => {
	it('reads euros as typed in German and in English', () => {
		expect(centsOf('1.234,50', 'de')).toBe(123_450);
		expect(centsOf('1234,5 €', 'de')).toBe(123_450);
		expect(centsOf('1,234.50', 'en')).toBe(123_450);
		expect(centsOf('-10', 'de')).toBe(-1000);
		expect(centsOf('zehn', 'de')).toBeNaN();
		expect(centsOf('1,234', 'de')).toBeNaN();
	});

	it('shows cents again as they can be typed back', () => {
		expect(amountOf(123_450, 'de')).toBe('1234,50');
		expect(amountOf(123_450, 'en')).toBe('1234.50');
		expect(centsOf(amountOf(99, 'de'), 'de')).toBe(99);
	});

	it('names the inputs that hold no amount; spent may stay empty', () => {
		const values = { fundingSourceId: '3', year: '2026', planned: 'viel', spent: '' };
		expect(budgetInputOf(values, 'de')).toEqual({
			errors: { planned: { key: 'office.measures.error.money' } }
		});
		expect(budgetInputOf({ ...values, planned: '100' }, 'de')).toEqual({
			input: { fundingSourceId: 3, year: 2026, plannedCents: 10_000, spentCents: 0 }
		});
	});
});

describe('reach and messages', () => {
	it('reads empty breakdowns as none and a missing count as no number', () => {
		const form = new FormData();
		form.set('period', ' 2026-Q3 ');
		form.set('participants', '');
		form.set('women', '4');
		expect(reachInputOf(readReachForm(form))).toMatchObject({
			period: '2026-Q3',
			participants: Number.NaN,
			women: 4,
			men: null
		});
	});

	it('puts each rule at its input: cents at the euro inputs, links at their row', () => {
		expect(
			measureFormErrors([
				{ path: 'spentCents', code: 'over_planned' },
				{ path: 'links.1.url', code: 'invalid_format' },
				{ path: 'actionFields', code: 'too_small' },
				{ path: 'reason', code: 'reason_required' }
			])
		).toEqual({
			spent: { key: 'office.measures.error.overPlanned' },
			'link.1.url': { key: 'office.measures.error.url' },
			actionFields: { key: 'office.measures.error.chooseField' },
			statusReason: { key: 'office.measures.error.reasonRequired' }
		});
	});
});
