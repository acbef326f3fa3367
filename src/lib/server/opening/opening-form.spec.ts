import { describe, expect, it } from 'vitest';
import { DEFAULT_INSTRUMENT } from './instrument.service.js';
import { answersOf, openingFormErrors, readInstrumentForm } from './opening-form.js';

describe('the opening forms', () => {
	it('reads a level, "not applicable", nothing, and anything else as a level out of range', () => {
		expect(
			answersOf({
				a: { level: '3', comment: 'gut' },
				b: { level: 'na', comment: '' },
				c: { level: '', comment: '' },
				d: { level: 'drei', comment: '' }
			}).map(({ level, notApplicable }) => [level, notApplicable])
		).toEqual([
			[3, false],
			[null, true],
			[null, false],
			[99, false]
		]);
	});

	it('shows an item’s problem at its group, naming the item in the page’s language', () => {
		expect(
			openingFormErrors([{ path: 'rating.staff-ads', code: 'missing' }], DEFAULT_INSTRUMENT, 'en')
		).toEqual({
			'item-staff-ads': {
				key: 'office.opening.error.missing',
				params: {
					item: 'Job advertisements explicitly invite people with a migration history to apply.'
				}
			}
		});
	});

	it('adds a new item under a fresh key and shows its problems at the new item’s inputs', () => {
		const form = new FormData();
		form.set('dimensions.0.new.de', 'Neue Aussage');
		const content = readInstrumentForm(form, DEFAULT_INSTRUMENT);
		expect(content.dimensions[0]!.items.at(-1)).toEqual({
			key: 'mission-1',
			text: { de: 'Neue Aussage', en: '' }
		});
		expect(
			openingFormErrors(
				[{ path: 'dimensions.0.items.3.text.en', code: 'too_small' }],
				DEFAULT_INSTRUMENT
			)
		).toEqual({ 'dimensions-0-new-en': { key: 'office.opening.error.too_small' } });
	});
});
