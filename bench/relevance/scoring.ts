// The relevance figures: recall over the whole result list, precision over the first ten, and
// their means per language, next to the targets of issue 13.

export const TARGETS = { recall: 0.9, precisionAt10: 0.8 } as const;

/** Share of the relevant offers anywhere in the result list. */
export function recall(results: readonly string[], relevant: ReadonlySet<string>): number {
	if (relevant.size === 0) throw new Error('recall of a query without relevant offers');
	return results.filter((key) => relevant.has(key)).length / relevant.size;
}

/** Share of relevant offers among the first min(10, n) results; nothing found scores 0. */
export function precisionAt10(results: readonly string[], relevant: ReadonlySet<string>): number {
	const first = results.slice(0, 10);
	if (first.length === 0) return 0;
	return first.filter((key) => relevant.has(key)).length / first.length;
}

export interface QueryScore {
	language: string;
	recall: number;
	precisionAt10: number;
}

export interface LanguageFigures {
	language: string;
	queries: number;
	recall: number;
	precisionAt10: number;
	passes: boolean;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

function figures(language: string, scores: QueryScore[]): LanguageFigures {
	const recallMean = mean(scores.map((score) => score.recall));
	const precisionMean = mean(scores.map((score) => score.precisionAt10));
	return {
		language,
		queries: scores.length,
		recall: recallMean,
		precisionAt10: precisionMean,
		passes: recallMean >= TARGETS.recall && precisionMean >= TARGETS.precisionAt10
	};
}

/**
 * Means per language, in the order given, and over all queries (each query weighs the same);
 * a language without scored queries is left out.
 */
export function aggregate(
	scores: QueryScore[],
	languages: readonly string[]
): { languages: LanguageFigures[]; overall: LanguageFigures } {
	if (scores.length === 0) throw new Error('no scored queries');
	return {
		languages: languages
			.map((language) => scores.filter((score) => score.language === language))
			.filter((own) => own.length > 0)
			.map((own) => figures(own[0]!.language, own)),
		overall: figures('overall', scores)
	};
}
