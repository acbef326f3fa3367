import { fold } from '../fold.js';
import { stem } from './stem.js';

/**
 * The stems of the German word list, sorted: what `german-word-stems.json` holds. Stemming the
 * 5,000 words took 150–300 ms of every new process's start, so the list's stems are kept in the
 * repository beside it and a spec checks that they are this list's stems.
 */
export function germanWordStems(words: readonly string[]): string[] {
	return [...new Set(words.map((word) => stem(fold(word), 'de')))].sort();
}
