import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales.js';
import { catalogue, isMessageKey, translator } from './messages.js';

const PLURAL = /\.(zero|one|two|few|many|other)$/;
// The back office speaks German and English (its users are staff); other languages fall back to German.
const BACK_OFFICE = /^(office|mail)\./;
const BACK_OFFICE_LOCALES = ['de', 'en'];
const placeholders = (text: string) =>
	[...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const german = catalogue('de');
const singleKeys = Object.keys(german).filter((key) => !PLURAL.test(key));
const pluralBases = [
	...new Set(
		Object.keys(german)
			.filter((key) => PLURAL.test(key))
			.map((key) => key.replace(PLURAL, ''))
	)
];

describe.each(LOCALES.filter((locale) => locale !== 'de'))('the %s catalogue', (locale) => {
	const messages = catalogue(locale);

	it('has every German message, with the same placeholders', () => {
		const required = singleKeys.filter(
			(key) => BACK_OFFICE_LOCALES.includes(locale) || !BACK_OFFICE.test(key)
		);
		const missing = required.filter((key) => messages[key] === undefined);
		expect(missing).toEqual([]);
		for (const key of required)
			expect(placeholders(messages[key]!), key).toEqual(placeholders(german[key]!));
	});

	it('has no key German lacks, other than plural forms German does not need', () => {
		// German is the source language: MessageKey is typed from it, so any other key is unreachable.
		const extra = Object.keys(messages).filter(
			(key) =>
				german[key] === undefined &&
				!(PLURAL.test(key) && pluralBases.includes(key.replace(PLURAL, '')))
		);
		expect(extra).toEqual([]);
	});

	it('has every plural form its language needs', () => {
		const rules = new Intl.PluralRules(locale === 'de-x-easy' ? 'de' : locale);
		const needed = pluralBases.filter(
			(base) => BACK_OFFICE_LOCALES.includes(locale) || !BACK_OFFICE.test(base)
		);
		for (const base of needed) {
			for (const category of rules.resolvedOptions().pluralCategories) {
				expect(messages[`${base}.${category}`], `${base}.${category}`).toBeDefined();
			}
		}
	});
});

describe('translator', () => {
	it('fills placeholders with localised numbers', () => {
		expect(translator('de')('search.radiusOption', { km: 25 })).toBe('25 km');
		expect(translator('de').plural('search.resultCount', 1)).toBe('1 Angebot');
		expect(translator('de').plural('search.resultCount', 1200)).toBe('1.200 Angebote');
	});

	it('isolates filled-in text in right-to-left languages only', () => {
		const params = { place: '24376 Kappeln', km: 10 };
		expect(translator('ar')('search.nearResult', params)).toContain('\u206824376 Kappeln\u2069');
		expect(translator('fa')('search.nearResult', params)).toContain('\u206824376 Kappeln\u2069');
		expect(translator('de')('search.nearResult', params)).not.toMatch(/[\u2068\u2069]/);
	});

	it('shows an unknown key rather than nothing', () => {
		// @ts-expect-error a key German lacks fails the check; one arriving anyway shows itself
		expect(translator('en')('no.such.key')).toBe('no.such.key');
	});

	it('takes only keys and plural bases of the German catalogue (checked by npm run check)', () => {
		const t = translator('de');
		// @ts-expect-error a misspelt key
		expect(t('search.resultcount.one')).toBe('search.resultcount.one');
		// @ts-expect-error a plural form is reached through t.plural, by its base
		expect(t.plural('search.resultCount.other', 2)).toBe('search.resultCount.other');
		// @ts-expect-error a key with no plural forms
		expect(t.plural('site.name', 2)).toBe('site.name');
		expect(isMessageKey('site.name')).toBe(true);
		expect(isMessageKey('Not Found')).toBe(false);
		expect(isMessageKey('toString')).toBe(false);
	});
});
