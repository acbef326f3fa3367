const CYRILLIC: Record<string, string> = {
	а: 'a',
	б: 'b',
	в: 'v',
	г: 'g',
	ґ: 'g',
	д: 'd',
	е: 'e',
	є: 'ye',
	ж: 'zh',
	з: 'z',
	и: 'i',
	і: 'i',
	й: 'y',
	к: 'k',
	л: 'l',
	м: 'm',
	н: 'n',
	о: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	у: 'u',
	ф: 'f',
	х: 'kh',
	ц: 'ts',
	ч: 'ch',
	ш: 'sh',
	щ: 'shch',
	ъ: '',
	ы: 'y',
	ь: '',
	э: 'e',
	ю: 'yu',
	я: 'ya'
};

// Spellings that people use for the same sound in chat transliteration, in the order applied.
const SAME_SOUND: [RegExp, string][] = [
	[/shch|sch|sh/g, 's'],
	[/tsch|ch|tch/g, 'c'],
	[/ts|tz|cz/g, 'c'],
	[/kh|gh/g, 'h'],
	[/zh/g, 'z'],
	[/[yj]([aeiou])/g, '$1'],
	[/[yj]/g, 'i'],
	[/w/g, 'v'],
	[/q/g, 'k'],
	[/x/g, 'ks'],
	[/ou|oo/g, 'u'],
	[/ee/g, 'i'],
	[/(.)\1+/g, '$1']
];

/** A folded Cyrillic word in Latin letters, as people type it in chats ("лікар" → "likar"). */
export function latinOfCyrillic(word: string): string {
	return [...word].map((letter) => CYRILLIC[letter] ?? letter).join('');
}

/**
 * A Latin-letter word reduced to how it sounds, so that the many ways of spelling a word from
 * another script meet: "nemetskogo", "nemeckogo" → "nemecogo"; "vrach" → "vrac".
 */
export function soundSkeleton(latin: string): string {
	let result = latin;
	for (const [pattern, replacement] of SAME_SOUND) result = result.replace(pattern, replacement);
	return result;
}

/** Whether a folded word is written in Latin letters (and digits). */
export function isLatin(word: string): boolean {
	return /^[a-z0-9]+$/.test(word);
}

/** Whether a folded word is written in Cyrillic letters. */
export function isCyrillic(word: string): boolean {
	return /^\p{Script=Cyrillic}+$/u.test(word);
}
