import { contentLanguage, type Locale } from './i18n/locales.js';
import { addDays, asUtcFields } from './shared/time/wall-clock.js';

/**
 * The BCP 47 tag every `Intl` formatter of a page uses. Whatever the language, dates are
 * Gregorian on a 24-hour clock, as in the German letters people hold, and digits are Latin:
 * pages also print German phone numbers, postcodes and times, so a page keeps one digit system.
 */
export function intlLocale(locale: Locale): string {
	return `${contentLanguage(locale)}-u-ca-gregory-hc-h23-nu-latn`;
}

/**
 * Content translations typed on a Persian or Arabic keyboard carry ۱۲ or ١٢; shown as 12 they
 * match the dates and the German phone numbers and postcodes on the same page.
 */
export function latinDigits(text: string): string {
	return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => {
		const code = digit.codePointAt(0)!;
		return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
	});
}

/** Leichte Sprache writes weekdays, months and units in full: no "Mo.", "Dez.", "€". */
const spelledOut = (locale: Locale) => locale === 'de-x-easy';

/** Wall-clock `YYYY-MM-DD[THH:mm]` (Europe/Berlin) for formatters pinned to UTC: never shifted. */
const floating = asUtcFields;

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = cache.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: 'UTC' });
		cache.set(key, format);
	}
	return format;
}

export function formatDateTime(locale: Locale, localDateTime: string): string {
	const length = spelledOut(locale) ? 'long' : 'short';
	return formatter(locale, {
		weekday: length,
		day: 'numeric',
		month: length,
		hour: '2-digit',
		minute: '2-digit'
	}).format(floating(localDateTime));
}

/**
 * A date with its times split off ("Sa., 5. Dez." + ", " + "14:00–16:00"), so a page can isolate
 * the times as one left-to-right fragment: in Arabic or Farsi a bare range would be drawn
 * "16:00–14:00".
 */
export function formatDateAndTimes(
	locale: Locale,
	startsAt: string,
	endsAt?: string | null
): { date: string; separator: string; times: string } {
	const parts = formatter(locale, {
		weekday: spelledOut(locale) ? 'long' : 'short',
		day: 'numeric',
		month: spelledOut(locale) ? 'long' : 'short',
		hour: '2-digit',
		minute: '2-digit'
	}).formatToParts(floating(startsAt));
	const hour = parts.findIndex((part) => part.type === 'hour');
	const separator = parts[hour - 1]?.type === 'literal' ? parts[hour - 1]!.value : ' ';
	const date = parts
		.slice(0, parts[hour - 1]?.type === 'literal' ? hour - 1 : hour)
		.map((part) => part.value)
		.join('');
	return { date, separator, times: formatTimes(locale, startsAt, endsAt) };
}

/** "14:00" or "14:00–16:00". */
export function formatTimes(locale: Locale, startsAt: string, endsAt?: string | null): string {
	const start = formatTime(locale, startsAt);
	return endsAt ? `${start}–${formatTime(locale, endsAt)}` : start;
}

export function formatDate(locale: Locale, localDate: string): string {
	return formatter(locale, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	}).format(floating(localDate));
}

export function formatShortDate(locale: Locale, localDate: string): string {
	return formatter(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(
		floating(localDate)
	);
}

export function formatTime(locale: Locale, localDateTime: string): string {
	return formatter(locale, { hour: '2-digit', minute: '2-digit' }).format(floating(localDateTime));
}

/** The name of a weekday, 0 = Monday … 6 = Sunday. */
export function formatWeekday(locale: Locale, day: number): string {
	// 1 January 2024 was a Monday: weekday n is that date plus n days.
	return formatter(locale, { weekday: 'long' }).format(floating(addDays('2024-01-01', day)));
}

export function formatNumber(locale: Locale, value: number): string {
	return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

/** A share given in whole percent (60 → "60 %", in Turkish "%60"). */
export function formatPercent(locale: Locale, percent: number): string {
	return new Intl.NumberFormat(intlLocale(locale), { style: 'percent' }).format(percent / 100);
}

export function formatEuro(locale: Locale, cents: number): string {
	return new Intl.NumberFormat(intlLocale(locale), {
		style: 'currency',
		currency: 'EUR',
		currencyDisplay: spelledOut(locale) ? 'name' : 'symbol'
	}).format(cents / 100);
}

export function formatKm(locale: Locale, km: number): string {
	return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(km);
}

/** "a, b and c" in the page's language (Arabic "أ وب وج", Farsi "الف، ب، و ج"). */
export function formatList(locale: Locale, items: readonly string[]): string {
	return new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(items);
}

/** "a, b or c" in the page's language: alternatives, of which one is enough. */
export function formatAlternatives(locale: Locale, items: readonly string[]): string {
	return new Intl.ListFormat(intlLocale(locale), { type: 'disjunction' }).format(items);
}
