import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from './locales.js';
import { catalogue } from './messages.js';

// The chosen terms and the reasons are in docs/translation-glossary.md; this holds the slips
// native speakers found, so that they do not come back.
const AVOID: Partial<Record<Locale, [RegExp, string][]>> = {
	ar: [
		// The reader is addressed in the polite plural (ابحثوا، جرّبوا), never in the masculine singular.
		[
			/(?:^|\s)(?:أن )?(?:تستفسر|تبحث|تختار|اختر|ابحث|جرّب|جرب|اضغط|تستطيع|يمكنك|لغتك|بحثك)(?=[\s.،؟!]|$)/u,
			'masculine singular address'
		],
		[/\{count\} عرضان/, 'a digit before the dual: "عرضان" alone says two'],
		[/,/, 'Latin comma (use ،)']
	],
	fa: [
		[/ادغام/, '"ادغام" means merging; integration is "یکپارچگی اجتماعی"'],
		[/توالت بدون مانع/, 'literal "barrier-free toilet"'],
		[/حلقه القایی شنوایی/, 'literal "hearing loop"'],
		[/,/, 'Latin comma (use ،)']
	],
	tr: [
		[/İşitme döngüsü/i, 'machine-made "hearing loop"'],
		[/Kalifiye/i, 'Fachkräfte are "nitelikli çalışanlar"']
	]
};

// Labels that are joined into lists ("для кого: діти, родини і жінки") start lowercase in uk and ru.
const MID_SENTENCE_KEYS = /^(?:group|accessibility|schedule\.nth)\./;

describe.each(LOCALES)('the %s catalogue', (locale) => {
	const messages = Object.entries(catalogue(locale));

	it('writes digits as 0–9 only, like the dates and the German content on the same page', () => {
		const offending = messages.filter(([, text]) => /[\u0660-\u0669\u06F0-\u06F9]/.test(text));
		expect(offending).toEqual([]);
	});

	it.each(AVOID[locale] ?? [])('avoids %s (%s)', (pattern) => {
		const offending = messages.filter(([, text]) => pattern.test(text));
		expect(offending).toEqual([]);
	});
});

describe.each(['uk', 'ru'] as const)('the %s catalogue', (locale) => {
	it('starts labels that are inserted mid-sentence in lowercase', () => {
		const capitalised = Object.entries(catalogue(locale)).filter(
			([key, text]) => MID_SENTENCE_KEYS.test(key) && /^\p{Lu}/u.test(text)
		);
		expect(capitalised).toEqual([]);
	});

	it('makes the ordinal agree with the noun it precedes', () => {
		// "{nth} {day}" made "перший середа": weekdays differ in gender, so the ordinal goes with a fixed noun.
		expect(catalogue(locale)['schedule.monthly']).not.toMatch(/\{nth\} \{day\}/);
	});
});
