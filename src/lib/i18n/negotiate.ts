import type { Locale } from './locales.js';

/** Picks the best enabled locale from an Accept-Language header (q-values honoured). */
export function negotiateLocale(
	header: string | null,
	enabled: readonly Locale[],
	fallback: Locale
): Locale {
	if (!header) return fallback;
	const wanted = header
		.split(',')
		.map((part) => {
			const [tag = '', ...rest] = part.trim().split(';');
			const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
			return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
		})
		.filter((entry) => entry.tag && entry.q > 0)
		.sort((a, b) => b.q - a.q);
	for (const { tag } of wanted) {
		const exact = enabled.find((locale) => locale.toLowerCase() === tag);
		if (exact) return exact;
		const base = tag.split('-')[0];
		const partial = enabled.find((locale) => locale === base);
		if (partial) return partial;
	}
	return fallback;
}
