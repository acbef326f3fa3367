import type { Actor } from '../accounts/authorization.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import type { Db } from '../db/schema.js';
import { authorizeOnMeasure, seesAllMeasures } from './measure-access.js';
import { districtScope, staleMonthsOf } from './measure-scope.js';
import { summarise, type MeasureSummary } from './measure-views.js';
import { sumBudgetBySourceAndYear } from './funding-sources.repository.js';
import { findByDecisions, listMeasureRows } from './measures.repository.js';
import { findReach } from './measure-parts.repository.js';
import type { ReachFigures } from './measure-detail.service.js';

/**
 * Read models of measures for other pages: the overview per action field, the yearly report and
 * the minutes (which measure came from a decision). Staff and viewers read the whole district.
 */

/** Every measure of the district with progress and traffic light, for staff and viewers. */
export async function districtMeasures(
	db: Db,
	actor: Actor,
	now = new Date()
): Promise<MeasureSummary[]> {
	authorizeOnMeasure(actor, 'read_budget', districtScope(actor));
	const rows = await listMeasureRows(db, actor.districtId);
	return summarise(db, rows, await staleMonthsOf(db, actor.districtId), now);
}

/** The district's measures per action field (a measure in two fields is in both lists). */
export async function measuresByActionField(
	db: Db,
	actor: Actor,
	now = new Date()
): Promise<Record<(typeof ACTION_FIELDS)[number], MeasureSummary[]>> {
	const summaries = await districtMeasures(db, actor, now);
	return Object.fromEntries(
		ACTION_FIELDS.map((field) => [
			field,
			summaries.filter((measure) => measure.actionFields.includes(field))
		])
	) as Record<(typeof ACTION_FIELDS)[number], MeasureSummary[]>;
}

export interface MeasureReach extends ReachFigures {
	measureId: number;
	title: string;
	actionFields: string[];
}

/**
 * Reach per measure and period; with `periods` only those periods (e.g. the four quarters and
 * the year of a report). Periods are stored as entered: a measure may report per quarter or year.
 */
export async function reachPerPeriod(
	db: Db,
	actor: Actor,
	periods?: readonly string[],
	now = new Date()
): Promise<MeasureReach[]> {
	authorizeOnMeasure(actor, 'read_budget', districtScope(actor));
	const rows = await listMeasureRows(db, actor.districtId);
	const summaries = new Map(
		(await summarise(db, rows, await staleMonthsOf(db, actor.districtId), now)).map((m) => [
			m.id,
			m
		])
	);
	const reach = await findReach(db, [...summaries.keys()]);
	return reach
		.filter((figures) => !periods || periods.includes(figures.period))
		.map((figures) => ({
			...figures,
			title: summaries.get(figures.measureId)!.title,
			actionFields: summaries.get(figures.measureId)!.actionFields
		}));
}

export interface BudgetTotal {
	fundingSourceId: number;
	fundingSourceName: string;
	year: number;
	plannedCents: number;
	spentCents: number;
}

/** Planned and spent over all the district's measures, per funding source and year. */
export async function budgetBySourceAndYear(db: Db, actor: Actor): Promise<BudgetTotal[]> {
	authorizeOnMeasure(actor, 'read_budget', districtScope(actor));
	return (await sumBudgetBySourceAndYear(db, actor.districtId)).map((row) => ({
		fundingSourceId: row.fundingSourceId,
		fundingSourceName: row.fundingSourceName,
		year: row.year,
		plannedCents: Number(row.plannedCents),
		spentCents: Number(row.spentCents)
	}));
}

/** What came of a decision: a measure decided by it, or a milestone of a measure. */
export interface DecisionOutcome {
	measureId: number;
	measureTitle: string;
	/** Set when the decision became a milestone of the measure. */
	milestoneTitle: string | null;
}

/**
 * The measures and milestones that came from the decisions, by decision, for the minutes page.
 * Partners see measures only where they take part, so for them the minutes show none.
 */
export async function outcomesOfDecisions(
	db: Db,
	actor: Actor,
	decisionIds: readonly number[]
): Promise<Record<number, DecisionOutcome[]>> {
	if (!seesAllMeasures(actor)) return {};
	const found = await findByDecisions(db, actor.districtId, decisionIds);
	const outcomes: Record<number, DecisionOutcome[]> = {};
	const add = (decisionId: number | null, outcome: DecisionOutcome) => {
		if (decisionId !== null) (outcomes[decisionId] ??= []).push(outcome);
	};
	for (const m of found.measures)
		add(m.decisionId, { measureId: m.id, measureTitle: m.title, milestoneTitle: null });
	for (const m of found.milestones)
		add(m.decisionId, { measureId: m.id, measureTitle: m.title, milestoneTitle: m.milestoneTitle });
	return outcomes;
}

/** Measures a decision can become a milestone of: the district's, for staff. */
export async function measureChoices(db: Db, actor: Actor) {
	authorizeOnMeasure(actor, 'manage', districtScope(actor));
	return (await listMeasureRows(db, actor.districtId)).map((row) => ({
		id: row.id,
		title: row.title,
		endsOn: row.endsOn
	}));
}
