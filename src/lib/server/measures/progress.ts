import type { MeasureStatus, ProgressMode } from './measures.table.js';

/**
 * A measure's progress and its traffic light (issue 10), as pure functions of what the measure
 * holds, so the list, the page, the overview and the report all say the same.
 */

export interface ProgressMilestone {
	title: string;
	dueOn: string;
	doneOn: string | null;
}

export interface ProgressBudgetLine {
	fundingSourceName: string;
	year: number;
	plannedCents: number;
	spentCents: number;
}

/** Months without any update after which a measure still under way turns amber. */
export const DEFAULT_STALE_MONTHS = 3;

/**
 * Progress in percent: the share of milestones done, or the latest figure entered by hand; null
 * while there is nothing to tell (no milestones yet, nothing entered).
 */
export function progressOf(
	mode: ProgressMode,
	milestones: readonly ProgressMilestone[],
	manualProgress: number | null
): number | null {
	if (mode === 'manual') return manualProgress;
	if (!milestones.length) return null;
	const done = milestones.filter((milestone) => milestone.doneOn !== null).length;
	return Math.round((done / milestones.length) * 100);
}

export type Light = 'red' | 'amber' | 'green';
export const LIGHTS = ['red', 'amber', 'green'] as const satisfies readonly Light[];

/** Why a measure is not green; the page says each in words. */
export type LightReason =
	| { code: 'milestone_overdue'; title: string; dueOn: string }
	| { code: 'budget_overspent'; fundingSourceName: string; year: number; overCents: number }
	| { code: 'no_update'; lastUpdateOn: string; months: number };

export interface LightInput {
	status: MeasureStatus;
	milestones: readonly ProgressMilestone[];
	budget: readonly ProgressBudgetLine[];
	/** The day (Europe/Berlin) anything of the measure last changed. */
	lastUpdateOn: string;
	today: string;
	staleMonths: number;
}

// A measure that is done or stopped owes no milestones or updates; its money still counts.
const UNDER_WAY: ReadonlySet<MeasureStatus> = new Set(['idea', 'planned', 'running']);

/**
 * Red: a milestone overdue, or a budget line spent beyond its plan. Amber: no update for
 * `staleMonths` months. Green otherwise. Reasons come worst first, so the first explains the light.
 */
export function trafficLight(input: LightInput): { light: Light; reasons: LightReason[] } {
	const underWay = UNDER_WAY.has(input.status);
	const red: LightReason[] = [];
	if (underWay)
		for (const milestone of input.milestones)
			if (milestone.doneOn === null && milestone.dueOn < input.today)
				red.push({ code: 'milestone_overdue', title: milestone.title, dueOn: milestone.dueOn });
	for (const line of input.budget)
		if (line.spentCents > line.plannedCents)
			red.push({
				code: 'budget_overspent',
				fundingSourceName: line.fundingSourceName,
				year: line.year,
				overCents: line.spentCents - line.plannedCents
			});
	if (red.length) return { light: 'red', reasons: red };
	if (underWay && addMonths(input.lastUpdateOn, input.staleMonths) <= input.today)
		return {
			light: 'amber',
			reasons: [{ code: 'no_update', lastUpdateOn: input.lastUpdateOn, months: input.staleMonths }]
		};
	return { light: 'green', reasons: [] };
}

/** The same day `months` months later (`YYYY-MM-DD`); the 31st becomes the month's last day. */
export function addMonths(day: string, months: number): string {
	const [year, month, date] = day.split('-').map(Number) as [number, number, number];
	const index = year * 12 + (month - 1) + months;
	const targetYear = Math.floor(index / 12);
	const targetMonth = (index % 12) + 1;
	const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${targetYear}-${pad(targetMonth)}-${pad(Math.min(date, lastDay))}`;
}
