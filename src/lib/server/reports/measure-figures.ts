import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import { conceptOverview, type GoalWithIndicators } from '../measures/concept-overview.js';
import { listConceptVersions } from '../measures/concept.service.js';
import {
	budgetBySourceAndYear,
	districtMeasures,
	reachPerPeriod,
	type MeasureReach
} from '../measures/measures-read.service.js';
import type { MeasureSummary } from '../measures/measures.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import {
	formatPeriod,
	parsePeriod,
	periodDays,
	periodsBetween,
	type Period
} from '../../shared/time/period.js';
import type { FigureContext } from './report-figures.js';

/**
 * The report's figures of the integration concept and the measures (issue 10): plain JSON, so a
 * closed period freezes them in its snapshot like the meetings and the offers.
 */

type ActionField = (typeof ACTION_FIELDS)[number];

export interface IndicatorFigures {
	id: number;
	name: string;
	unit: string;
	direction: 'higher' | 'lower';
	baseline: { value: number; on: string } | null;
	target: { value: number; year: number } | null;
	/** The values of the periods that ended by the report period's end, in time order. */
	values: { period: string; value: number }[];
}

export interface GoalFigures {
	id: number;
	guiding: boolean;
	/** The German source text; `en` the English translation, null where there is none. */
	text: string;
	en: string | null;
	indicators: IndicatorFigures[];
}

export interface ConceptFigures {
	/** The concept version in force at the period's end; null while none was adopted. */
	version: { title: string; adoptedOn: string; periodFrom: number; periodTo: number } | null;
	fields: { actionField: ActionField; goals: GoalFigures[] }[];
}

export interface MeasureFigures {
	id: number;
	title: string;
	actionFields: string[];
	status: MeasureSummary['status'];
	statusOn: string;
	leadOrganisationName: string | null;
	progress: number | null;
	light: MeasureSummary['light'];
	reasons: MeasureSummary['reasons'];
	/** Participants reached in the period; null where the measure reported none for it. */
	participants: number | null;
	women: number | null;
	men: number | null;
	diverse: number | null;
}

export interface MeasuresFigures {
	measures: MeasureFigures[];
}

export interface BudgetFigures {
	/** Budgets are kept per year: a half-year or quarter shows its year's. */
	year: number;
	sources: { fundingSourceId: number; name: string; plannedCents: number; spentCents: number }[];
}

const endOf = (period: string) => periodDays(parsePeriod(period)!).to;

async function conceptFigures(context: FigureContext): Promise<ConceptFigures> {
	const { db, actor, period } = context;
	const end = periodDays(period).to;
	const today = berlinToday(context.clock);
	const inForce = end < today ? end : today;
	const version = (await listConceptVersions(db, actor, context.clock)).find(
		(candidate) => candidate.adoptedOn <= inForce
	);
	if (!version) return { version: null, fields: [] };
	const overview = (await conceptOverview(db, actor, version.id, 'en', context.clock, {
		live: end >= today
	}))!;
	const goal = (item: GoalWithIndicators, guiding: boolean): GoalFigures => ({
		id: item.id,
		guiding,
		text: item.text,
		en: item.localized.fallback ? null : item.localized.text,
		indicators: item.indicators.map((indicator) => ({
			id: indicator.id,
			name: indicator.name,
			unit: indicator.unit,
			direction: indicator.direction,
			baseline: indicator.baseline,
			target: indicator.target,
			values: indicator.values
				.filter((value) => endOf(value.period) <= end)
				.map((value) => ({ period: value.period, value: value.value }))
		}))
	});
	return {
		version: {
			title: version.title,
			adoptedOn: version.adoptedOn,
			periodFrom: version.periodFrom,
			periodTo: version.periodTo
		},
		fields: overview.fields
			.map((field) => ({
				actionField: field.actionField,
				goals: [
					...(field.guiding ? [goal(field.guiding, true)] : []),
					...field.subGoals.map((item) => goal(item, false))
				]
			}))
			.filter((field) => field.goals.length > 0)
	};
}

/** The periods inside a report period, the period itself first, then halves, then quarters. */
function periodsWithin(period: Period): string[][] {
	const { from, to } = periodDays(period);
	return (['year', 'half', 'quarter'] as const).map((kind) =>
		periodsBetween(kind, period.year, period.year)
			.filter((part) => periodDays(part).from >= from && periodDays(part).to <= to)
			.map(formatPeriod)
	);
}

/**
 * A measure's reach in the period: the entry for the period itself, else the sum of its halves,
 * else of its quarters — never two kinds added up, as a measure may report a year and its quarters.
 */
function reachIn(entries: MeasureReach[], kinds: string[][]) {
	for (const periods of kinds) {
		const inside = entries.filter((entry) => periods.includes(entry.period));
		if (!inside.length) continue;
		const total = (pick: (entry: MeasureReach) => number | null) =>
			inside.some((entry) => pick(entry) !== null)
				? inside.reduce((sum, entry) => sum + (pick(entry) ?? 0), 0)
				: null;
		return {
			participants: total((entry) => entry.participants),
			women: total((entry) => entry.women),
			men: total((entry) => entry.men),
			diverse: total((entry) => entry.diverse)
		};
	}
	return { participants: null, women: null, men: null, diverse: null };
}

/**
 * The measures whose time span touches the period (an open start or end counts as touching),
 * with status, progress and traffic light as they stand when the figures are taken.
 */
async function measureFigures(context: FigureContext): Promise<MeasuresFigures> {
	const { db, actor, period } = context;
	const { from, to } = periodDays(period);
	const kinds = periodsWithin(period);
	const [summaries, reach] = await Promise.all([
		districtMeasures(db, actor, context.clock),
		reachPerPeriod(db, actor, kinds.flat(), context.clock)
	]);
	return {
		measures: summaries
			.filter(
				(measure) =>
					(measure.startsOn === null || measure.startsOn <= to) &&
					(measure.endsOn === null || measure.endsOn >= from)
			)
			.map((measure) => ({
				id: measure.id,
				title: measure.title,
				actionFields: measure.actionFields,
				status: measure.status,
				statusOn: measure.statusOn,
				leadOrganisationName: measure.leadOrganisationName,
				progress: measure.progress,
				light: measure.light,
				reasons: measure.reasons,
				...reachIn(
					reach.filter((entry) => entry.measureId === measure.id),
					kinds
				)
			}))
	};
}

async function budgetFigures(context: FigureContext): Promise<BudgetFigures> {
	const { db, actor, period } = context;
	const lines = (await budgetBySourceAndYear(db, actor)).filter(
		(line) => line.year === period.year
	);
	return {
		year: period.year,
		sources: lines.map((line) => ({
			fundingSourceId: line.fundingSourceId,
			name: line.fundingSourceName,
			plannedCents: line.plannedCents,
			spentCents: line.spentCents
		}))
	};
}

export const MEASURE_SECTIONS = {
	concept: conceptFigures,
	measures: measureFigures,
	budget: budgetFigures
};
