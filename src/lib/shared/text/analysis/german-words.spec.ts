import { describe, expect, it } from 'vitest';
import GERMAN_WORD_STEMS from './german-word-stems.json' with { type: 'json' };
import { germanWordStems } from './german-word-stems.js';
import GERMAN_WORDS from './german-words.json' with { type: 'json' };

describe('the German word list', () => {
	it('is sorted, free of duplicates, lower case and has no word under three letters', () => {
		const sorted = [...new Set(GERMAN_WORDS)].sort();
		expect(GERMAN_WORDS).toEqual(sorted);
		expect(GERMAN_WORDS.filter((word) => word !== word.toLowerCase())).toEqual([]);
		expect(GERMAN_WORDS.filter((word) => [...word].length < 3)).toEqual([]);
	});

	it('has its stems beside it (else run `npx tsx scripts/german-word-stems.ts`)', () => {
		expect(GERMAN_WORD_STEMS).toEqual(germanWordStems(GERMAN_WORDS));
	});
});
