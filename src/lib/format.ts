import { contentLanguage, type Locale } from './i18n/locales.js';

/** Formats wall-clock `YYYY-MM-DDTHH:mm` strings (Europe/Berlin) without shifting them. */
function floating(localDateTime: string): Date {
	return new Date(`${localDateTime.length === 10 ? `${localDateTime}T00:00` : localDateTime}:00Z`);
}

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = cache.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(contentLanguage(locale), { ...options, timeZone: 'UTC' });
		cache.set(key, format);
	}
	return format;
}

export function formatDateTime(locale: Locale, localDateTime: string): string {
	return formatter(locale, {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit'
	}).format(floating(localDateTime));
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

export function formatEuro(locale: Locale, cents: number): string {
	return new Intl.NumberFormat(contentLanguage(locale), {
		style: 'currency',
		currency: 'EUR'
	}).format(cents / 100);
}

export function formatKm(locale: Locale, km: number): string {
	return new Intl.NumberFormat(contentLanguage(locale), { maximumFractionDigits: 1 }).format(km);
}
