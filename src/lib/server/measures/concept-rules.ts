import { parsePeriod, type PeriodKind } from '../../shared/time/period.js';
import type { ConceptIssue } from './concept.errors.js';

/**
 * The concept's pure rules, shared by the services and their unit specs: how a typed number
 * reads, and which period a value may be entered for.
 */

/**
 * A number as people type it into a form: digits with one decimal comma or point, an optional
 * minus. Thousands separators are refused rather than guessed (is "1.234" 1234 or 1,234?).
 * Empty text is null; anything else is 'invalid'.
 */
export function parseDecimal(text: string): number | null | 'invalid' {
	const value = text.trim().replace(/\s/g, '');
	if (value === '') return null;
	if (!/^[-−]?\d+([.,]\d+)?$/.test(value)) return 'invalid';
	return Number(value.replace('−', '-').replace(',', '.'));
}

export interface ConceptYears {
	periodFrom: number;
	periodTo: number;
}

/** Why a value may not be entered for `period` of an indicator of `kind`, or null if it may. */
export function periodIssue(
	period: string,
	kind: PeriodKind,
	concept: ConceptYears
): ConceptIssue | null {
	const parsed = parsePeriod(period.trim());
	if (!parsed) return { path: 'period', code: 'invalid_period' };
	if (parsed.kind !== kind) return { path: 'period', code: `wrong_kind_${kind}` };
	if (parsed.year < concept.periodFrom || parsed.year > concept.periodTo)
		return { path: 'period', code: 'outside_concept' };
	return null;
}

/** The target year may not lie before the year of the baseline. */
export function targetIssue(
	baselineOn: string | null,
	targetYear: number | null
): ConceptIssue | null {
	if (baselineOn === null || targetYear === null) return null;
	return targetYear < Number(baselineOn.slice(0, 4))
		? { path: 'targetYear', code: 'before_baseline' }
		: null;
}
