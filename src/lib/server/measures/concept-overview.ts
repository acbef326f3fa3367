import type { Locale } from '../../i18n/locales.js';
import type { Actor } from '../accounts/authorization.js';
import type { Db } from '../db/schema.js';
import {
	currentConceptVersion,
	getConceptVersion,
	type ConceptVersion
} from './concept.service.js';
import { goalsOfVersion, type ActionFieldGoals, type Goal } from './goals.service.js';
import { goalIndicatorSeries, type IndicatorSeries } from './indicators.service.js';

/**
 * The read model others build on (the per-action-field overview, the yearly report, the public
 * page): a concept version with its goals per action field, each with its indicators' series.
 */
export type GoalWithIndicators = Goal & { indicators: IndicatorSeries[] };

export interface ConceptOverview {
	version: ConceptVersion;
	fields: (Omit<ActionFieldGoals, 'guiding' | 'subGoals'> & {
		guiding: GoalWithIndicators | null;
		subGoals: GoalWithIndicators[];
	})[];
}

const goalWithIndicators = async (
	db: Db,
	actor: Actor,
	goal: Goal,
	now: Date,
	options = { live: true }
): Promise<GoalWithIndicators> => ({
	...goal,
	indicators: await goalIndicatorSeries(db, actor, goal.id, now, options)
});

/**
 * A version with goals and indicator series; `versionId` null means the current version.
 * `live: false` leaves out the running period's computed values, which a report for a closed
 * period does not show and which cost a count over every offer each.
 */
export async function conceptOverview(
	db: Db,
	actor: Actor,
	versionId: number | null,
	locale: Locale = 'de',
	now = new Date(),
	options = { live: true }
): Promise<ConceptOverview | null> {
	const version =
		versionId === null
			? await currentConceptVersion(db, actor.districtId, now)
			: await getConceptVersion(db, actor, versionId, now);
	if (!version) return null;
	const withIndicators = (goal: Goal) => goalWithIndicators(db, actor, goal, now, options);
	const fields: ConceptOverview['fields'] = [];
	for (const field of await goalsOfVersion(db, actor, version.id, locale, now)) {
		const subGoals: GoalWithIndicators[] = [];
		for (const goal of field.subGoals) subGoals.push(await withIndicators(goal));
		fields.push({
			actionField: field.actionField,
			guiding: field.guiding ? await withIndicators(field.guiding) : null,
			subGoals
		});
	}
	return { version, fields };
}

/**
 * One action field of the current version: its goals, the guiding goal first, each with its
 * indicators' series (only this field's indicators are computed). Null without a current version.
 */
export async function currentFieldGoals(
	db: Db,
	actor: Actor,
	actionField: string,
	locale: Locale = 'de',
	now = new Date()
): Promise<{ version: ConceptVersion; goals: GoalWithIndicators[] } | null> {
	const version = await currentConceptVersion(db, actor.districtId, now);
	if (!version) return null;
	const field = (await goalsOfVersion(db, actor, version.id, locale, now)).find(
		(candidate) => candidate.actionField === actionField
	);
	const goals: GoalWithIndicators[] = [];
	for (const goal of field ? [field.guiding, ...field.subGoals] : [])
		if (goal) goals.push(await goalWithIndicators(db, actor, goal, now));
	return { version, goals };
}
