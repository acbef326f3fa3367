import { describe, expect, it } from 'vitest';
import { aggregate, precisionAt10, recall } from './scoring.js';

const relevant = new Set(['a', 'b', 'c', 'd']);

describe('recall', () => {
	it('counts the relevant offers anywhere in the list, however far down', () => {
		const list = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9', 'x10', 'x11', 'a', 'c'];
		expect(recall(list, relevant)).toBe(0.5);
	});

	it('is 1 when every relevant offer is found and 0 when nothing is', () => {
		expect(recall(['d', 'x', 'c', 'b', 'a'], relevant)).toBe(1);
		expect(recall([], relevant)).toBe(0);
	});

	it('refuses a query without relevant offers', () => {
		expect(() => recall(['a'], new Set())).toThrow(/without relevant/);
	});
});

describe('precision@10', () => {
	it('looks at the first ten results only', () => {
		const list = ['a', 'x1', 'b', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'c', 'd'];
		expect(precisionAt10(list, relevant)).toBe(0.2);
	});

	it('divides by the results shown when fewer than ten', () => {
		expect(precisionAt10(['a', 'x', 'b', 'y'], relevant)).toBe(0.5);
		expect(precisionAt10(['c'], relevant)).toBe(1);
	});

	it('scores nothing found as 0', () => {
		expect(precisionAt10([], relevant)).toBe(0);
	});
});

describe('aggregate', () => {
	const scores = [
		{ language: 'de', recall: 1, precisionAt10: 1 },
		{ language: 'de', recall: 0.8, precisionAt10: 0.9 },
		{ language: 'tr', recall: 0, precisionAt10: 0 },
		{ language: 'en', recall: 0.9, precisionAt10: 0.8 }
	];

	it('averages per language in the given order and leaves out languages without queries', () => {
		const { languages } = aggregate(scores, ['de', 'en', 'ar', 'tr']);
		expect(languages.map((row) => row.language)).toEqual(['de', 'en', 'tr']);
		expect(languages[0]).toMatchObject({ queries: 2, passes: true });
		expect(languages[0]!.recall).toBeCloseTo(0.9);
		expect(languages[0]!.precisionAt10).toBeCloseTo(0.95);
	});

	it('passes a language only when both means reach their targets, the bounds included', () => {
		const { languages } = aggregate(scores, ['de', 'en', 'tr']);
		expect(languages.map((row) => [row.language, row.passes])).toEqual([
			['de', true],
			['en', true],
			['tr', false]
		]);
		const { languages: short } = aggregate(
			[{ language: 'ar', recall: 0.95, precisionAt10: 0.79 }],
			['ar']
		);
		expect(short[0]!.passes).toBe(false);
	});

	it('weighs every query the same overall, not every language', () => {
		const { overall } = aggregate(scores, ['de', 'en', 'tr']);
		expect(overall).toMatchObject({ language: 'overall', queries: 4, passes: false });
		expect(overall.recall).toBeCloseTo(2.7 / 4);
		expect(overall.precisionAt10).toBeCloseTo(2.7 / 4);
	});
});
