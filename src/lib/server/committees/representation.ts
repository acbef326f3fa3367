import { GENDER_COUNTS, type FigureCount } from './committees.schema.js';

/**
 * The small-number rule for representation figures, in one place: a count below five leaves the
 * server only as "fewer than 5", on the page, in the exports, the API and the yearly report.
 * Zero is suppressed too: "none of the members has a migration history" says something about
 * every single member. Where the other shown counts would give a suppressed one away (the
 * genders add up to the members who answered; "without migration history" is the answered
 * minus the shown count), further counts are suppressed until no hidden cell can be worked
 * out or narrowed below five; those read "withheld". Shares are given only for counts shown.
 */

export const SMALL_CELL_LIMIT = 5;
export const FEWER_THAN_5 = 'fewer_than_5' as const;
/** Not small itself, but hidden because it would give a small one away. */
export const WITHHELD = 'withheld' as const;
/** A count as it may be shown: the number, that it is below the limit, or that it is withheld. */
export type ShownCount = number | typeof FEWER_THAN_5 | typeof WITHHELD;

export type RawFigures = Record<FigureCount, number>;

export interface ShownFigures {
	counts: Record<FigureCount, ShownCount>;
	/** Whole percent of the members who answered; null where the count is not shown. */
	shares: Record<Exclude<FigureCount, 'answered'>, number | null>;
}

const small = (value: number) => value < SMALL_CELL_LIMIT;

/**
 * Hides further cells of a group whose cells add up to a shown total, until the hidden cells
 * together are at least the limit (or all are hidden): a hidden cell can then be neither
 * worked out nor narrowed to a small number.
 */
function protectGroup(values: Map<string, number>, hidden: Set<string>): void {
	const hiddenSum = () => [...hidden].reduce((sum, key) => sum + values.get(key)!, 0);
	while (hidden.size > 0 && hiddenSum() < SMALL_CELL_LIMIT) {
		const shown = [...values.keys()]
			.filter((key) => !hidden.has(key))
			.sort((a, b) => values.get(a)! - values.get(b)!);
		if (shown.length === 0) return;
		hidden.add(shown[0]!);
	}
}

export function suppressFigures(raw: RawFigures): ShownFigures {
	const hidden = new Set<FigureCount>();
	if (small(raw.answered)) {
		// Every part is at most the total, so all of them are small too.
		for (const key of Object.keys(raw) as FigureCount[]) hidden.add(key);
	} else {
		const genders = new Map<string, number>(GENDER_COUNTS.map((key) => [key, raw[key]]));
		const hiddenGenders = new Set<string>(GENDER_COUNTS.filter((key) => small(raw[key])));
		protectGroup(genders, hiddenGenders);
		for (const key of hiddenGenders) hidden.add(key as FigureCount);
		// "Without migration history" is never shown, but the total minus the shown count is it.
		const without = raw.answered - raw.migrationHistory;
		if (small(raw.migrationHistory) || small(without)) hidden.add('migrationHistory');
	}
	const shown = (key: FigureCount): ShownCount =>
		!hidden.has(key) ? raw[key] : small(raw[key]) ? FEWER_THAN_5 : WITHHELD;
	const share = (key: Exclude<FigureCount, 'answered'>) =>
		hidden.has(key) || hidden.has('answered') ? null : Math.round((raw[key] / raw.answered) * 100);
	return {
		counts: {
			answered: shown('answered'),
			migrationHistory: shown('migrationHistory'),
			women: shown('women'),
			men: shown('men'),
			diverse: shown('diverse'),
			genderNotStated: shown('genderNotStated')
		},
		shares: {
			migrationHistory: share('migrationHistory'),
			women: share('women'),
			men: share('men'),
			diverse: share('diverse'),
			genderNotStated: share('genderNotStated')
		}
	};
}

/** A shown count for a chart: suppressed counts are not plotted as if exact. */
export const plotted = (count: ShownCount): number | null =>
	typeof count === 'number' ? count : null;
