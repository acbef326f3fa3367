import { describe, expect, it } from 'vitest';
import GERMAN_WORDS from './german-words.json' with { type: 'json' };

describe('the German word list', () => {
	it('is sorted, free of duplicates, lower case and has no word under three letters', () => {
		const sorted = [...new Set(GERMAN_WORDS)].sort();
		expect(GERMAN_WORDS).toEqual(sorted);
		expect(GERMAN_WORDS.filter((word) => word !== word.toLowerCase())).toEqual([]);
		expect(GERMAN_WORDS.filter((word) => [...word].length < 3)).toEqual([]);
	});
});
