import type { Locale } from '../../i18n/locales.js';
import type { Actor } from '../accounts/authorization.js';
import type { ACTION_FIELDS } from '../action-fields/action-fields.js';
import type { Db } from '../db/schema.js';
import { currentFieldGoals, type GoalWithIndicators } from './concept-overview.js';
import type { ConceptVersion } from './concept.service.js';
import { seesAllMeasures } from './measure-access.js';
import type { MeasureSummary } from './measure-views.js';
import { measuresByActionField } from './measures-read.service.js';
import { findGoalLinks } from './measures.repository.js';
import { MEASURE_STATUSES, type MeasureStatus } from './measures.table.js';

/**
 * The overview per action field (issue 10, "Looking at it"): which measures serve which goals,
 * the goals' indicators, and measures by status. It shows every measure of the district, so it
 * is for those who read them all (staff and viewers, `seesAllMeasures`); a partner, who sees
 * only the measures their organisation takes part in, would learn of the others from it.
 */

type ActionField = (typeof ACTION_FIELDS)[number];
/** The count of measures per status, in the statuses' order (idea to stopped), zeros included. */
export type StatusCounts = { status: MeasureStatus; count: number }[];

/** A measure of the field with the goals it serves (of any concept version). */
export interface OverviewMeasure extends MeasureSummary {
	goalIds: number[];
}

export interface ActionFieldOverview {
	actionField: ActionField;
	/** The current concept version; null when none is adopted yet. */
	version: ConceptVersion | null;
	/** The field's goals in the current version, the guiding goal first. */
	goals: GoalWithIndicators[];
	measures: OverviewMeasure[];
	byStatus: StatusCounts;
}

export interface MeasuresByStatus {
	fields: { actionField: ActionField; counts: StatusCounts }[];
	/** Over the whole district: a measure in two fields counts once. */
	district: StatusCounts;
}

export const mayReadOverview = (actor: Actor): boolean => seesAllMeasures(actor);

function countByStatus(measures: readonly MeasureSummary[]): StatusCounts {
	return MEASURE_STATUSES.map((status) => ({
		status,
		count: measures.filter((measure) => measure.status === status).length
	}));
}

/** One field: its goals with indicator series, its measures with their goals, counts by status. */
export async function actionFieldOverview(
	db: Db,
	actor: Actor,
	actionField: ActionField,
	locale: Locale = 'de',
	now = new Date()
): Promise<ActionFieldOverview> {
	// First, as it refuses partners before anything is computed.
	const measures = (await measuresByActionField(db, actor, now))[actionField];
	const concept = await currentFieldGoals(db, actor, actionField, locale, now);
	const links = await findGoalLinks(
		db,
		measures.map((measure) => measure.id)
	);
	return {
		actionField,
		version: concept?.version ?? null,
		goals: concept?.goals ?? [],
		measures: measures.map((measure) => ({
			...measure,
			goalIds: links.filter((link) => link.measureId === measure.id).map((link) => link.id)
		})),
		byStatus: countByStatus(measures)
	};
}

/** Measures by status per action field, and over the district. */
export async function measuresByStatus(
	db: Db,
	actor: Actor,
	now = new Date()
): Promise<MeasuresByStatus> {
	const byField = await measuresByActionField(db, actor, now);
	const fields = (Object.keys(byField) as ActionField[]).map((actionField) => ({
		actionField,
		counts: countByStatus(byField[actionField])
	}));
	const distinct = new Map(
		Object.values(byField)
			.flat()
			.map((measure) => [measure.id, measure])
	);
	return { fields, district: countByStatus([...distinct.values()]) };
}
