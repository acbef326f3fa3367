import { formatNumber } from '$lib/format';
import type { Locale } from '$lib/i18n/locales';

/** Scores with one decimal in the page's language, as every opening page writes them. */
export const scoreFormat = (locale: Locale) => (value: number) =>
	formatNumber(locale, Math.round(value * 10) / 10);

/** A change with its sign ("+0,5", "−1"), a dash where there is none. */
export function signedScore(locale: Locale, value: number | null): string {
	if (value === null) return '–';
	const rounded = Math.round(value * 10) / 10;
	const text = formatNumber(locale, Math.abs(rounded));
	return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}
