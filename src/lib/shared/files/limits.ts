/** An .xlsx is a zip: its unpacked size is capped too, so a tiny file cannot unfold into gigabytes. */
export const MAX_UNPACKED_BYTES = 60 * 1024 * 1024;

/** `1,5 MB`, `300 KB`: a byte count as people read it. */
export function formatBytes(bytes: number, locale = 'de'): string {
	const format = (value: number) =>
		new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
	if (bytes >= 1024 * 1024) return `${format(bytes / 1024 / 1024)} MB`;
	return `${format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/**
 * The request body limit of adapter-node (`BODY_SIZE_LIMIT`, default 512K) as bytes: uploads
 * above it never reach the app, so a page states the smaller of this and its own limit.
 */
export function bodySizeLimit(setting: string | undefined): number {
	const text = (setting ?? '512K').trim();
	const match = /^(\d+(?:\.\d+)?)\s*([KMG]?)B?$/i.exec(text);
	if (!match) return text.toLowerCase() === 'infinity' ? Infinity : 512 * 1024;
	const factor = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[match[2]!.toUpperCase()] ?? 1;
	return Number(match[1]) * factor;
}
