import { describe, expect, it } from 'vitest';
import type { InstrumentContent } from './opening.schema.js';
import { distributionOf, scoreDifferences, scoreRound, unansweredItems } from './scoring.js';

const text = { de: 'x', en: 'x' };
const content: InstrumentContent = {
	scale: [0, 1, 2, 3, 4].map((level) => ({ level, label: text, description: text })),
	dimensions: [
		{ key: 'staff', title: text, items: ['a', 'b', 'c'].map((key) => ({ key, text })) },
		{ key: 'training', title: text, items: [{ key: 'd', text }] }
	]
};
const rated = (itemKey: string, level: number | null, notApplicable = false) => ({
	itemKey,
	level,
	notApplicable
});

describe('scoring a round', () => {
	it('averages the rated items per dimension, leaving "not applicable" out', () => {
		const scores = scoreRound(content, [rated('a', 4), rated('b', 1), rated('c', null, true)]);
		expect(scores.maxLevel).toBe(4);
		expect(scores.dimensions).toEqual([
			{ key: 'staff', score: 2.5, rated: 2, notApplicable: 1 },
			{ key: 'training', score: null, rated: 0, notApplicable: 0 }
		]);
		// A dimension without a score does not pull the overall score down to zero.
		expect(scores.overall).toBe(2.5);
	});

	it('weighs each dimension the same in the overall score', () => {
		const scores = scoreRound(content, [
			rated('a', 4),
			rated('b', 4),
			rated('c', 4),
			rated('d', 0)
		]);
		expect(scores.overall).toBe(2);
	});

	it('lists what is neither rated nor marked not applicable', () => {
		expect(unansweredItems(content, [rated('a', 0), rated('b', null, true)])).toEqual([
			{ dimensionKey: 'staff', itemKey: 'c' },
			{ dimensionKey: 'training', itemKey: 'd' }
		]);
	});

	it('gives the change per dimension, none where a round has no score', () => {
		const earlier = scoreRound(content, [rated('a', 1), rated('b', 1), rated('c', 1)]);
		const later = scoreRound(content, [rated('a', 2), rated('b', 3), rated('c', 1), rated('d', 3)]);
		expect([...scoreDifferences(earlier, later)]).toEqual([
			['staff', 1],
			['training', null]
		]);
	});
});

describe('the district distribution', () => {
	it('shows nothing for fewer than three units', () => {
		expect(distributionOf([])).toBeNull();
		expect(distributionOf([1, 3])).toBeNull();
	});

	it('gives minimum, quartiles, median and maximum', () => {
		expect(distributionOf([3, 1, 2])).toEqual({
			units: 3,
			min: 1,
			lowerQuartile: 1.5,
			median: 2,
			upperQuartile: 2.5,
			max: 3
		});
		expect(distributionOf([0, 1, 2, 4])).toMatchObject({ median: 1.5, lowerQuartile: 0.75 });
	});
});
