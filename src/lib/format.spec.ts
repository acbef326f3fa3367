import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatDateTime,
	formatEuro,
	formatKm,
	formatList,
	formatShortDate,
	formatTime,
	formatWeekday,
	latinDigits
} from './format.js';
import { LOCALES } from './i18n/locales.js';
import { translator } from './i18n/messages.js';

// Digits other than 0–9: Arabic-Indic (U+0660–0669) and Persian (U+06F0–06F9).
const NON_LATIN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/;
const SOLAR_HIJRI_MONTHS = /فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند/;

describe('dates for every language match the German appointment letter', () => {
	it.each(LOCALES)('%s: Gregorian calendar, 24-hour clock, Latin digits', (locale) => {
		const texts = [
			formatDateTime(locale, '2027-11-30T14:05'),
			formatDate(locale, '2027-11-30'),
			formatShortDate(locale, '2027-11-30'),
			formatTime(locale, '2027-11-30T14:05'),
			formatEuro(locale, 1250),
			formatKm(locale, 12.5)
		];
		for (const text of texts) expect(text).not.toMatch(NON_LATIN_DIGITS);
		expect(formatShortDate(locale, '2027-11-30')).toContain('30');
		expect(formatShortDate(locale, '2027-11-30')).toContain('2027');
		expect(formatTime(locale, '2027-11-30T14:05')).toBe('14:05');
		expect(formatDateTime(locale, '2027-11-30T14:05')).toContain('14:05');
	});

	it('Farsi names the Gregorian month, not the Solar Hijri one', () => {
		const text = formatDate('fa', '2027-11-30');
		expect(text).not.toMatch(SOLAR_HIJRI_MONTHS);
		expect(text).toContain('نوامبر');
		expect(text).toContain('30');
		expect(formatDateTime('fa', '2027-12-20T09:00')).toContain('دسامبر');
	});

	it('Arabic uses the 24-hour clock, never "2:05 م"', () => {
		const text = formatDateTime('ar', '2027-11-30T14:05');
		expect(text).toContain('14:05');
		expect(text).not.toMatch(/[صم]$|\bPM\b/);
	});

	it('placeholder numbers use the same digits as the dates', () => {
		expect(translator('fa').plural('search.resultCount', 1200)).not.toMatch(NON_LATIN_DIGITS);
		expect(translator('ar')('search.radiusOption', { km: 25 })).not.toMatch(NON_LATIN_DIGITS);
	});
});

describe('latinDigits', () => {
	it('turns Persian and Arabic-Indic digits into 0–9 and leaves the rest alone', () => {
		expect(latinDigits('از ساعت ۹ تا ۱۲')).toBe('از ساعت 9 تا 12');
		expect(latinDigits('الساعة ١٤:٣٠')).toBe('الساعة 14:30');
		expect(latinDigits('24376 Kappeln')).toBe('24376 Kappeln');
	});
});

describe('Leichte Sprache spells dates and units out', () => {
	it('writes weekday and month in full', () => {
		expect(formatDateTime('de-x-easy', '2026-12-07T14:00')).toBe('Montag, 7. Dezember um 14:00');
		expect(formatDate('de-x-easy', '2026-12-07')).toBe('Montag, 7. Dezember 2026');
		expect(formatWeekday('de-x-easy', 0)).toBe('Montag');
	});

	it('says "Euro", not "€"', () => {
		expect(formatEuro('de-x-easy', 1250)).toMatch(/^12,50\sEuro$/);
		expect(formatEuro('de', 1250)).toMatch(/^12,50\s€$/);
	});
});

describe('formatList', () => {
	it('joins with the conjunction of the page language', () => {
		expect(formatList('de', ['Kinder', 'Familien', 'Frauen'])).toBe('Kinder, Familien und Frauen');
		expect(formatList('en', ['children', 'families'])).toBe('children and families');
	});

	it('joins Arabic without a Latin comma', () => {
		const text = formatList('ar', ['الأطفال', 'العائلات', 'النساء']);
		expect(text).not.toContain(',');
		expect(text).toContain('و');
	});

	it('joins Farsi with the Persian comma and "و"', () => {
		const text = formatList('fa', ['کودکان', 'خانواده‌ها', 'زنان']);
		expect(text).not.toContain(',');
		expect(text).toContain('،');
		expect(text).toContain(' و ');
	});
});
