/** Interface languages; `de` is the source language of content and interface. */
export const LOCALES = ['de', 'de-x-easy', 'en', 'uk', 'ar', 'fa', 'ru', 'tr'] as const;
export type Locale = (typeof LOCALES)[number];

export const SOURCE_LOCALE: Locale = 'de';

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set(['ar', 'fa']);

export function isLocale(value: string): value is Locale {
	return (LOCALES as readonly string[]).includes(value);
}

export function direction(locale: Locale): 'ltr' | 'rtl' {
	return RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr';
}

/** The language of a locale's content for the `lang` attribute (Leichte Sprache is German). */
export function contentLanguage(locale: Locale): string {
	return locale === 'de-x-easy' ? 'de' : locale;
}

/** Each language named in itself, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = {
	de: 'Deutsch',
	'de-x-easy': 'Leichte Sprache',
	en: 'English',
	uk: 'Українська',
	ar: 'العربية',
	fa: 'فارسی',
	ru: 'Русский',
	tr: 'Türkçe'
};
