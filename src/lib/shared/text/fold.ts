// Letters that people type interchangeably, mapped to one: Turkish dotless ı (no decomposition
// exists); the Persian forms of yeh and kaf, alef maksura and teh marbuta, which keyboards and
// writers swap freely, as the Arabic letters the Arabic stemmer expects; Arabic-Indic and Persian
// digits as ASCII digits.
const SAME_LETTER: Record<string, string> = {
	ı: 'i',
	ی: 'ي',
	ى: 'ي',
	ک: 'ك',
	ة: 'ه'
};
const SAME_LETTER_PATTERN = new RegExp(`[${Object.keys(SAME_LETTER).join('')}]`, 'gu');

/**
 * Folds text for matching: lower case, no diacritics (also Arabic vowel marks), ß → ss, and the
 * letters above as one. Both the search index and every query pass through here, so SQLite and
 * PostgreSQL see the same words.
 */
export function fold(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/ß/g, 'ss')
		.toLowerCase()
		.replace(SAME_LETTER_PATTERN, (letter) => SAME_LETTER[letter]!)
		.replace(/[\u0660-\u0669]/gu, (digit) => String(digit.charCodeAt(0) - 0x0660))
		.replace(/[\u06f0-\u06f9]/gu, (digit) => String(digit.charCodeAt(0) - 0x06f0))
		.replace(/[\u0640\u200c\u200d]/gu, ''); // tatweel and zero-width (non-)joiners carry no meaning
}

/** Splits folded text into search words (letters and digits of any script). */
export function words(text: string): string[] {
	return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
