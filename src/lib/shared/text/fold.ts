/**
 * Folds text for matching: lower case, no diacritics (also Arabic vowel marks), ß → ss.
 * Both the search index and every query pass through here, so SQLite and PostgreSQL see the same words.
 */
export function fold(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/ß/g, 'ss')
		.toLowerCase()
		.replace(/\u0640/g, ''); // Arabic tatweel, a stretching stroke with no meaning
}

/** Splits folded text into search words (letters and digits of any script). */
export function words(text: string): string[] {
	return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
