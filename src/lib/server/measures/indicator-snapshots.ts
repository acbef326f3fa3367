import type { Kysely } from 'kysely';
import type { DB, Db } from '../db/schema.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import {
	formatPeriod,
	isClosed,
	periodDays,
	periodsBetween,
	type PeriodKind
} from '../../shared/time/period.js';
import { computeFigure } from './computed-indicators.js';
import { FLOW_COMPUTATIONS, type Computation } from './computations.js';
import {
	findConceptVersionRow,
	findGoalRow,
	findIndicatorRow,
	findValueRows,
	insertSnapshot,
	listComputedIndicatorIds,
	type ValueRow
} from './concept.repository.js';

/**
 * When a computed indicator's value is frozen: a closed period's value is stored once, as a
 * snapshot (indicator_values with computed_at), and never changes after — so a report for a
 * past period gives the same figures when made again. The snapshot is taken by whichever comes
 * first: the hourly job (snapshotClosedPeriods) or the first read after the period closed. The
 * running period is computed live on every read and not stored; later periods have no value.
 */
export interface ComputedIndicator {
	id: number;
	districtId: number;
	actionField: string;
	periodKind: PeriodKind;
	computation: Computation;
	computationParameter: number | null;
	/** The concept version's years. */
	periodFrom: number;
	periodTo: number;
}

export interface PeriodValue {
	period: string;
	value: number;
	/** `snapshot`: frozen for a closed period; `live`: the running period, computed now. */
	kind: 'snapshot' | 'live';
	computedAt: string;
}

/** Values of a computed indicator for every period up to the running one. */
export async function computedValues(
	db: Db,
	indicator: ComputedIndicator,
	now = new Date(),
	options: { live: boolean } = { live: true }
): Promise<PeriodValue[]> {
	const today = berlinToday(now);
	const periods = periodsBetween(
		indicator.periodKind,
		indicator.periodFrom,
		indicator.periodTo
	).filter((period) => periodDays(period).from <= today);
	let stored = await findValueRows(db, [indicator.id]);
	const figure = {
		districtId: indicator.districtId,
		actionField: indicator.actionField,
		computation: indicator.computation,
		parameter: indicator.computationParameter
	};
	const missing = periods.filter(
		(period) =>
			isClosed(period, today) && !stored.some((row) => row.period === formatPeriod(period))
	);
	// A stock figure describes the moment of computing, not the period: one count serves every
	// period frozen now (three closed years of a new indicator cost one count over the offers).
	let stock: number | null = null;
	const valueFor = async (period: (typeof periods)[number]) =>
		FLOW_COMPUTATIONS.has(indicator.computation)
			? computeFigure(db, figure, period, now)
			: (stock ??= await computeFigure(db, figure, period, now));
	for (const period of missing)
		await insertSnapshot(db, {
			indicatorId: indicator.id,
			period: formatPeriod(period),
			value: await valueFor(period),
			computedAt: now.toISOString(),
			recordedBy: null,
			recordedAt: now.toISOString()
		});
	if (missing.length > 0) stored = await findValueRows(db, [indicator.id]);
	const values: PeriodValue[] = [];
	for (const period of periods) {
		const key = formatPeriod(period);
		const snapshot = stored.find((row: ValueRow) => row.period === key);
		if (isClosed(period, today) && snapshot)
			values.push({
				period: key,
				value: snapshot.value,
				kind: 'snapshot',
				computedAt: snapshot.computedAt ?? snapshot.recordedAt
			});
		else if (options.live && !isClosed(period, today))
			values.push({
				period: key,
				value: await valueFor(period),
				kind: 'live',
				computedAt: now.toISOString()
			});
	}
	return values;
}

/** What a computed indicator's values need: its goal's action field and its version's years. */
export async function computedIndicatorOf(
	db: Db,
	indicatorId: number
): Promise<ComputedIndicator | null> {
	const indicator = await findIndicatorRow(db, indicatorId);
	if (!indicator?.computation) return null;
	const goal = (await findGoalRow(db, indicator.goalId))!;
	const version = (await findConceptVersionRow(db, goal.conceptVersionId))!;
	return {
		id: indicator.id,
		districtId: version.districtId,
		actionField: goal.actionField,
		periodKind: indicator.periodKind,
		computation: indicator.computation as Computation,
		computationParameter: indicator.computationParameter,
		periodFrom: version.periodFrom,
		periodTo: version.periodTo
	};
}

/** The job: freezes every computed indicator's closed periods that have no snapshot yet. */
export async function snapshotClosedPeriods(db: Kysely<DB>, now = new Date()): Promise<void> {
	for (const { id } of await listComputedIndicatorIds(db)) {
		const indicator = await computedIndicatorOf(db, id);
		if (indicator) await computedValues(db, indicator, now, { live: false });
	}
}
