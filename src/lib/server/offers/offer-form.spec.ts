import { describe, expect, it } from 'vitest';
import { sourceHash } from '../translations/translations.service.js';
import type { OfferContent } from './offer-content.js';
import {
	contentFromForm,
	emptyOfferForm,
	formValuesFromContent,
	parseEuros,
	readOfferForm,
	rowOf,
	ruleOf,
	type OfferFormValues
} from './offer-form.js';

const filled = (): OfferFormValues => ({
	...emptyOfferForm('3'),
	title: 'Sprachcafé',
	summary: 'Deutsch üben.',
	description: 'Mit Kaffee.',
	actionFields: ['language'],
	languages: ['de', 'ar'],
	street: 'Markt 1',
	placeId: '7'
});

describe('offer form', () => {
	it('turns a repetition choice into a rule and back', () => {
		const row = {
			day: '2026-12-01',
			start: '09:00',
			end: '',
			repeat: 'monthly_weekday',
			until: '2027-06-30',
			rule: ''
		} as const;
		expect(ruleOf(row)).toBe('FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270630T235959Z');
		expect(ruleOf({ ...row, repeat: 'biweekly', until: '' })).toBe(
			'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'
		);
		expect(ruleOf({ ...row, day: '2026-12-29', repeat: 'monthly_weekday', until: '' })).toBe(
			'FREQ=MONTHLY;BYDAY=-1TU'
		);
		expect(
			rowOf({
				startsAt: '2026-12-01T09:00',
				rrule: 'FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270630T235959Z'
			})
		).toMatchObject({
			repeat: 'monthly_weekday',
			until: '2027-06-30'
		});
		expect(rowOf({ startsAt: '2026-12-01T09:00', rrule: 'FREQ=WEEKLY;BYDAY=TU,TH' })).toMatchObject(
			{
				repeat: 'custom',
				rule: 'FREQ=WEEKLY;BYDAY=TU,TH'
			}
		);
	});

	it('reads euro amounts as people type them', () => {
		expect(parseEuros('12,50')).toBe(1250);
		expect(parseEuros('3.5')).toBe(350);
		expect(parseEuros('7 €')).toBe(700);
		expect(parseEuros('zwölf')).toBeNull();
	});

	it('names the input of every problem', () => {
		const values = {
			...filled(),
			title: '',
			actionFields: [],
			costKind: 'amount',
			costAmount: 'viel',
			scheduleKind: 'recurring',
			dates: [
				{
					day: '2026-12-01',
					start: '09:00',
					end: '08:00',
					repeat: 'none' as const,
					until: '',
					rule: ''
				}
			],
			contactEmail: 'keine-adresse'
		};
		const result = contentFromForm(values, null);
		expect(result.errors).toMatchObject({
			title: { key: 'office.offerForm.error.required' },
			actionFields: { key: 'office.offerForm.error.chooseOne' },
			costAmount: { key: 'office.offerForm.error.amount' },
			'date.0.repeat': { key: 'office.offerForm.error.repeat' },
			contactEmail: { key: 'office.offerForm.error.email' }
		});
	});

	it('refuses days that do not exist', () => {
		const values = {
			...filled(),
			scheduleKind: 'dates',
			dates: [
				{ day: '2026-02-30', start: '10:00', end: '', repeat: 'none' as const, until: '', rule: '' }
			],
			validTo: '2026-13-01'
		};
		expect(contentFromForm(values, null).errors).toMatchObject({
			'date.0.day': { key: 'office.offerForm.error.day' },
			validTo: { key: 'office.offerForm.error.day' }
		});
	});

	it('accepts only web links for online offers', () => {
		const values = { ...filled(), locationKind: 'online', onlineUrl: 'javascript:alert(1)' };
		expect(contentFromForm(values, null).errors).toMatchObject({
			onlineUrl: { key: 'office.offerForm.error.url' }
		});
		values.onlineUrl = 'https://example.org/kurs';
		expect(contentFromForm(values, null).errors).toBeUndefined();
	});

	it('takes an optional level the offer leads to, above the level it asks for', () => {
		const content = (values: OfferFormValues) => {
			const result = contentFromForm(values, null);
			return result.errors ? result.errors : result.content.offer.languageLevelExit;
		};
		expect(content(filled())).toBeNull();
		expect(content({ ...filled(), languageLevelExit: 'B1' })).toBe('B1');
		expect(content({ ...filled(), languageLevel: 'A2', languageLevelExit: 'B1' })).toBe('B1');
		const refused = { languageLevelExit: { key: 'office.offerForm.error.exitLevel' } };
		expect(content({ ...filled(), languageLevel: 'A2', languageLevelExit: 'A2' })).toEqual(refused);
		expect(content({ ...filled(), languageLevel: 'B2', languageLevelExit: 'A1' })).toEqual(refused);
		expect(content({ ...filled(), languageLevelExit: 'none' })).toEqual(refused);
		// Named with the form's other problems, not only once they are fixed.
		expect(
			contentFromForm(
				{ ...filled(), title: '', languageLevel: 'C1', languageLevelExit: 'C1' },
				null
			).errors
		).toEqual({ title: { key: 'office.offerForm.error.required' }, ...refused });
	});

	it('shows the stored level an offer leads to, and none as an empty choice', () => {
		const { content } = contentFromForm(
			{ ...filled(), languageLevel: 'A1', languageLevelExit: 'A2' },
			null
		) as { content: OfferContent };
		expect(formValuesFromContent(content).languageLevelExit).toBe('A2');
		const form = new FormData();
		form.set('languageLevelExit', 'B2');
		expect(readOfferForm(form).languageLevelExit).toBe('B2');
		expect(
			formValuesFromContent({
				...content,
				offer: { ...content.offer, languageLevelExit: undefined }
			}).languageLevelExit
		).toBe('');
	});

	it('keeps an unchanged translation tied to the German it was made from', () => {
		const previous: OfferContent = {
			offer: {
				...(contentFromForm(filled(), null) as { content: OfferContent }).content.offer,
				title: 'Altes Café'
			},
			translations: {
				ar: { title: { value: 'مقهى', basedOn: sourceHash('Altes Café'), status: 'reviewed' } }
			}
		};
		const values = formValuesFromContent(previous);
		values.title = 'Sprachcafé';
		const kept = contentFromForm(values, previous);
		expect(kept.errors).toBeUndefined();
		expect(kept.errors ? null : kept.content.translations.ar?.title?.basedOn).toBe(
			sourceHash('Altes Café')
		);
		values.confirmed = ['ar.title'];
		const confirmed = contentFromForm(values, previous);
		expect(confirmed.errors ? null : confirmed.content.translations.ar?.title?.basedOn).toBe(
			sourceHash('Sprachcafé')
		);
	});

	it('reads line breaks as the stored text has them, whatever the browser sends', () => {
		const form = new FormData();
		form.set('description', 'Erste Zeile.\r\n\r\n- Punkt\rEnde');
		form.set('tr.ar.description', 'سطر\r\nسطر');
		const values = readOfferForm(form);
		expect(values.description).toBe('Erste Zeile.\n\n- Punkt\nEnde');
		expect(values.translations.ar?.description).toBe('سطر\nسطر');
	});
});
