import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as turkish } from '@orama/stemmers/turkish';
import { stem as english } from 'porter2';
import { fold } from '../fold.js';

/** Languages of offer texts and queries that the search reduces to stems. */
export type TextLanguage = 'de' | 'en' | 'uk' | 'ar' | 'fa' | 'ru' | 'tr';

// Snowball's algorithms as its compiler generates them for JavaScript; English is porter2, the same
// algorithm written by hand. Both take about a microsecond a word.
const SNOWBALL: Partial<Record<TextLanguage, (word: string) => string>> = {
	de: german,
	en: english,
	ru: russian,
	tr: turkish,
	ar: arabic
};

// Ukrainian and Persian have no Snowball stemmer; cutting the commonest endings (longest first)
// brings plural and case forms together, which is what matching needs.
const ENDINGS: Partial<Record<TextLanguage, string[]>> = {
	// After Snowball: folding takes the dotless ı that Turkish vowel harmony needs, so plurals
	// ("kursları" → "kurslari") stay whole unless cut here.
	tr: ['lari', 'leri', 'lar', 'ler'],
	uk: [
		'ами',
		'ями',
		'ові',
		'еві',
		'ого',
		'ому',
		'ими',
		'ього',
		'ьому',
		'ах',
		'ях',
		'ів',
		'ою',
		'ею',
		'ий',
		'ій',
		'ої',
		'ом',
		'ем',
		'ам',
		'ям',
		'их',
		'ім',
		'ії',
		'ія',
		'ію',
		'и',
		'і',
		'у',
		'ю',
		'а',
		'я',
		'о',
		'е',
		'ь',
		'й'
	],
	fa: ['هایی', 'های', 'ها', 'ان', 'ات', 'ی', 'يی', 'ي']
};
const MIN_STEM = 3;

function cutEnding(word: string, endings: string[]): string {
	for (const ending of endings) {
		if (word.length - ending.length >= MIN_STEM && word.endsWith(ending))
			return word.slice(0, -ending.length);
	}
	return word;
}

const stemmers = new Map<TextLanguage, (word: string) => string>();

function stemmerOf(language: TextLanguage): (word: string) => string {
	let stemmer = stemmers.get(language);
	if (stemmer) return stemmer;
	const algorithm = SNOWBALL[language];
	// The endings are compared with folded words, so they are folded too (й → и, ї → і).
	const endings = (ENDINGS[language] ?? []).map(fold).sort((a, b) => b.length - a.length);
	if (algorithm) {
		// Snowball removes one suffix layer per call ("kurse" → "kurs", but "kurs" → "kur"); stemming
		// until nothing changes gives every form of a word the same stem.
		stemmer = (word) => {
			let current = word;
			for (let round = 0; round < 3; round++) {
				const next = algorithm(current);
				if (next === current || next.length < MIN_STEM) break;
				current = next;
			}
			return cutEnding(current, endings);
		};
	} else stemmer = (word) => cutEnding(word, endings);
	const cache = new Map<string, string>();
	const cached = (word: string) => {
		let result = cache.get(word);
		if (result === undefined) {
			if (cache.size > 100_000) cache.clear();
			cache.set(word, (result = stemmer!(word)));
		}
		return result;
	};
	stemmers.set(language, cached);
	return cached;
}

/** The stem of a folded word in the given language; digits and short words stay as they are. */
export function stem(word: string, language: TextLanguage): string {
	if (word.length <= MIN_STEM || /\p{N}/u.test(word)) return word;
	return stemmerOf(language)(word);
}
