import ar from '../../../messages/ar.json';
import de from '../../../messages/de.json';
import deEasy from '../../../messages/de-x-easy.json';
import en from '../../../messages/en.json';
import fa from '../../../messages/fa.json';
import ru from '../../../messages/ru.json';
import tr from '../../../messages/tr.json';
import uk from '../../../messages/uk.json';
import { formatNumber } from '../format.js';
import { contentLanguage, direction, type Locale } from './locales.js';

type Catalogue = Record<string, string>;

/** Every message key: German is the source language and has them all, so a misspelt key fails the check. */
export type MessageKey = keyof typeof de;
/** The keys ending in a suffix, without it: `KeysBefore<'.other'>` holds `'search.resultCount'`. */
export type KeysBefore<Suffix extends string> = MessageKey extends infer Key
	? Key extends `${infer Base}${Suffix}`
		? Base
		: never
	: never;
/** A plural message's base, the key without its `.one`/`.other` ending. */
export type PluralKey = KeysBefore<'.other'>;
/** The keys under a prefix, without it: `KeysUnder<'level.'>` is `'none' | 'A1' | …`. */
export type KeysUnder<Prefix extends string> = MessageKey extends infer Key
	? Key extends `${Prefix}${infer Rest}`
		? Rest
		: never
	: never;
/** A mail's key: the catalogue has both `key.subject` and `key.body`. */
export type MailKey = KeysBefore<'.subject'> & KeysBefore<'.body'>;

const CATALOGUES: Record<Locale, Catalogue> = { de, 'de-x-easy': deEasy, en, uk, ar, fa, ru, tr };

export type Params = Record<string, string | number>;
export type Translate = ((key: MessageKey, params?: Params) => string) & {
	/** Picks `key.one`, `key.few`, … by the language's plural rules, with `{count}` filled in. */
	plural: (key: PluralKey, count: number, params?: Params) => string;
	locale: Locale;
};

/**
 * Text filled into a right-to-left message (a place name, a search query) is wrapped in Unicode
 * isolates (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE), as Fluent does, so "24376 Kappeln"
 * or "(CC BY 4.0)" keeps its order and punctuation among Arabic or Farsi words.
 */
const isolate = (text: string) => `\u2068${text}\u2069`;

function fill(template: string, params: Params | undefined, locale: Locale): string {
	if (!params) return template;
	const text = direction(locale) === 'rtl' ? isolate : (value: string) => value;
	return template.replace(/\{(\w+)\}/g, (match, name: string) => {
		const value = params[name];
		if (value === undefined) return match;
		return typeof value === 'number' ? formatNumber(locale, value) : text(value);
	});
}

/**
 * Looks a key up in the chosen language, then in easy-read German's parent German, then German;
 * a missing key shows itself so that gaps are visible, never blank.
 */
export function translator(locale: Locale): Translate {
	const chain = [CATALOGUES[locale], locale === 'de' ? undefined : CATALOGUES.de].filter(
		Boolean
	) as Catalogue[];
	const lookup = (key: string) =>
		chain.map((catalogue) => catalogue[key]).find((text) => text !== undefined);
	const t = ((key: string, params?: Params) =>
		fill(lookup(key) ?? key, params, locale)) as Translate;
	const rules = new Intl.PluralRules(contentLanguage(locale));
	t.plural = (key, count, params) => {
		const template = lookup(`${key}.${rules.select(count)}`) ?? lookup(`${key}.other`) ?? key;
		return fill(template, { count, ...params }, locale);
	};
	t.locale = locale;
	return t;
}

/** Whether a text from outside (an HTTP error's message) is a catalogue key. */
export function isMessageKey(text: string): text is MessageKey {
	return Object.hasOwn(de, text);
}

export function catalogue(locale: Locale): Readonly<Catalogue> {
	return CATALOGUES[locale];
}
