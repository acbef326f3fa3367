import type { InstrumentContent } from './opening.schema.js';

/**
 * Scores of an assessment round, pure. A dimension's score is the mean level of its rated items,
 * on the instrument's own scale (0 to its top level); items marked "not applicable" count
 * neither way, and a dimension with no rated item has no score (null), never a zero. The overall
 * score is the mean of the dimensions that have one, so each dimension weighs the same whatever
 * its number of items.
 */

export interface Rating {
	itemKey: string;
	level: number | null;
	notApplicable: boolean;
}

export interface DimensionScore {
	key: string;
	score: number | null;
	rated: number;
	notApplicable: number;
}

export interface RoundScores {
	maxLevel: number;
	dimensions: DimensionScore[];
	overall: number | null;
}

const mean = (values: readonly number[]): number | null =>
	values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;

export function scoreRound(content: InstrumentContent, ratings: readonly Rating[]): RoundScores {
	const byItem = new Map(ratings.map((rating) => [rating.itemKey, rating]));
	const dimensions = content.dimensions.map((dimension) => {
		const answers = dimension.items.map((item) => byItem.get(item.key));
		const levels = answers
			.filter((answer) => answer && !answer.notApplicable && answer.level !== null)
			.map((answer) => answer!.level!);
		return {
			key: dimension.key,
			score: mean(levels),
			rated: levels.length,
			notApplicable: answers.filter((answer) => answer?.notApplicable).length
		};
	});
	return {
		maxLevel: content.scale.length - 1,
		dimensions,
		overall: mean(dimensions.map((d) => d.score).filter((score): score is number => score !== null))
	};
}

/** The items a round still lacks before it can be submitted: neither a level nor "not applicable". */
export function unansweredItems(
	content: InstrumentContent,
	ratings: readonly Rating[]
): { dimensionKey: string; itemKey: string }[] {
	const byItem = new Map(ratings.map((rating) => [rating.itemKey, rating]));
	return content.dimensions.flatMap((dimension) =>
		dimension.items
			.filter((item) => {
				const answer = byItem.get(item.key);
				return !answer || (!answer.notApplicable && answer.level === null);
			})
			.map((item) => ({ dimensionKey: dimension.key, itemKey: item.key }))
	);
}

/** Per dimension key: the later round's score minus the earlier's; null where either has none. */
export function scoreDifferences(
	earlier: RoundScores,
	later: RoundScores
): Map<string, number | null> {
	const before = new Map(earlier.dimensions.map((d) => [d.key, d.score]));
	return new Map(
		later.dimensions.map((d) => {
			const was = before.get(d.key);
			return [d.key, d.score === null || was == null ? null : d.score - was];
		})
	);
}

/** No figure about fewer units than this leaves the server, so no single unit is identifiable. */
export const MIN_UNITS = 3;

export interface Distribution {
	units: number;
	min: number;
	lowerQuartile: number;
	median: number;
	upperQuartile: number;
	max: number;
}

/** The value at a fraction of sorted values, interpolated between neighbours (as spreadsheets do). */
function quantile(sorted: readonly number[], fraction: number): number {
	const position = (sorted.length - 1) * fraction;
	const below = Math.floor(position);
	const above = Math.ceil(position);
	return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** Five figures of the units' scores, or null for fewer than MIN_UNITS scores. */
export function distributionOf(scores: readonly number[]): Distribution | null {
	if (scores.length < MIN_UNITS) return null;
	const sorted = [...scores].sort((a, b) => a - b);
	return {
		units: sorted.length,
		min: sorted[0]!,
		lowerQuartile: quantile(sorted, 0.25),
		median: quantile(sorted, 0.5),
		upperQuartile: quantile(sorted, 0.75),
		max: sorted[sorted.length - 1]!
	};
}
