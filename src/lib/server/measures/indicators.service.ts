import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/authorization.js';
import { recordAudit } from '../accounts/audit.service.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { berlinInstant, berlinToday } from '../../shared/time/berlin-clock.js';
import { isClosed, parsePeriod, periodDays, type PeriodKind } from '../../shared/time/period.js';
import { addDays } from '../../shared/time/wall-clock.js';
import { periodIssue } from './concept-rules.js';
import { authorizeConceptEdit, canEditConcept, type ConceptEditor } from './concept-access.js';
import { ConceptNotFoundError, ConceptValidationError } from './concept.errors.js';
import {
	countValues,
	deleteIndicatorRow,
	deleteValueRow,
	findConceptVersionRow,
	findIndicatorRow,
	findValueRow,
	findValueRows,
	insertIndicator,
	listIndicatorRows,
	nextIndicatorPosition,
	updateIndicatorRow,
	insertSnapshot,
	upsertEnteredValue,
	type IndicatorRow
} from './concept.repository.js';
import {
	indicatorInputSchema,
	parseOrThrow,
	valueInputSchema,
	type IndicatorInput,
	type ValueInput
} from './concept.schema.js';
import type { Computation } from './computations.js';
import { goalRowFor } from './goals.service.js';
import { computedIndicatorOf, computedValues } from './indicator-snapshots.js';
import type { IndicatorDirection } from './measures.table.js';

/**
 * Indicators of a goal and their values per period: entered by hand (with source and note), or
 * computed by KITZ and frozen per closed period (indicator-snapshots.ts).
 */
export interface Indicator {
	id: number;
	goalId: number;
	name: string;
	unit: string;
	direction: IndicatorDirection;
	periodKind: PeriodKind;
	baseline: { value: number; on: string } | null;
	target: { value: number; year: number } | null;
	computation: Computation | null;
	computationParameter: number | null;
}

export interface SeriesValue {
	/** The stored row; null for the running period of a computed indicator. */
	id: number | null;
	period: string;
	value: number;
	source: string;
	note: string;
	/** `entered` by a person; `snapshot` frozen for a closed period; `live` computed now. */
	kind: 'entered' | 'snapshot' | 'live';
	/** When it was entered or computed (ISO instant). */
	at: string;
}

/** An indicator with baseline, target and its values in time order: what charts and reports show. */
export interface IndicatorSeries extends Indicator {
	values: SeriesValue[];
}

const toIndicator = (row: IndicatorRow): Indicator => ({
	id: row.id,
	goalId: row.goalId,
	name: row.name,
	unit: row.unit,
	direction: row.direction,
	periodKind: row.periodKind,
	baseline:
		row.baselineValue !== null && row.baselineOn !== null
			? { value: row.baselineValue, on: row.baselineOn }
			: null,
	target:
		row.targetValue !== null && row.targetYear !== null
			? { value: row.targetValue, year: row.targetYear }
			: null,
	computation: row.computation as Computation | null,
	computationParameter: row.computationParameter
});

/** The indicator, its goal and its concept version, for an actor of the district. */
async function indicatorFor(db: Db, actor: Actor, indicatorId: number) {
	const row = await findIndicatorRow(db, indicatorId);
	if (!row) throw new ConceptNotFoundError('indicator', indicatorId);
	// Another district's indicator is as unknown as a missing one.
	const goal = await goalRowFor(db, actor, row.goalId).catch((failure: unknown) => {
		throw failure instanceof ConceptNotFoundError
			? new ConceptNotFoundError('indicator', indicatorId)
			: failure;
	});
	const version = (await findConceptVersionRow(db, goal.conceptVersionId))!;
	return { row, goal, version };
}

/** `live: false` leaves out the running period's computed values (a closed period's report). */
async function seriesOf(
	db: Db,
	rows: IndicatorRow[],
	now: Date,
	options = { live: true }
): Promise<IndicatorSeries[]> {
	const stored = await findValueRows(
		db,
		rows.filter((row) => !row.computation).map((row) => row.id)
	);
	const result: IndicatorSeries[] = [];
	for (const row of rows) {
		const computed = await computedIndicatorOf(db, row.id);
		const values: SeriesValue[] = computed
			? (await computedValues(db, computed, now, options)).map((value) => ({
					id: null,
					period: value.period,
					value: value.value,
					source: '',
					note: '',
					kind: value.kind,
					at: value.computedAt
				}))
			: stored
					.filter((value) => value.indicatorId === row.id)
					.map((value) => ({
						id: value.id,
						period: value.period,
						value: value.value,
						source: value.source,
						note: value.note,
						kind: 'entered' as const,
						at: value.recordedAt
					}));
		result.push({ ...toIndicator(row), values });
	}
	return result;
}

/** The indicators of a goal with their series, for the goal page and the overview. */
export async function goalIndicatorSeries(
	db: Db,
	actor: Actor,
	goalId: number,
	now = new Date(),
	options = { live: true }
): Promise<IndicatorSeries[]> {
	await goalRowFor(db, actor, goalId);
	return seriesOf(db, await listIndicatorRows(db, [goalId]), now, options);
}

/** One indicator's series: values per period with baseline and target. */
export async function indicatorSeries(
	db: Db,
	actor: Actor,
	indicatorId: number,
	now = new Date()
): Promise<IndicatorSeries & { canEdit: boolean; years: { from: number; to: number } }> {
	const { row, version } = await indicatorFor(db, actor, indicatorId);
	const [series] = await seriesOf(db, [row], now);
	return {
		...series!,
		canEdit: canEditConcept(actor, version.districtId),
		years: { from: version.periodFrom, to: version.periodTo }
	};
}

export async function createIndicator(
	db: Kysely<DB>,
	actor: ConceptEditor,
	goalId: number,
	input: IndicatorInput,
	now = new Date()
): Promise<number> {
	const goal = await goalRowFor(db, actor, goalId);
	authorizeConceptEdit(actor, goal.districtId);
	const indicator = parseOrThrow(indicatorInputSchema, input);
	return inTransaction(db, async (trx) => {
		const stamp = now.toISOString();
		const id = await insertIndicator(trx, {
			goalId,
			position: await nextIndicatorPosition(trx, goalId),
			...indicator,
			createdAt: stamp,
			updatedAt: stamp
		});
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'concept.indicator.create',
				entity: 'indicator',
				entityId: id,
				after: { goalId, ...indicator }
			},
			now
		);
		return id;
	});
}

/**
 * Changes an indicator. Once it has values, what they mean stays fixed: its period kind and its
 * computation (and parameter) no longer change, so no snapshot is reinterpreted.
 */
export async function updateIndicator(
	db: Kysely<DB>,
	actor: ConceptEditor,
	indicatorId: number,
	input: IndicatorInput,
	now = new Date()
): Promise<void> {
	const { row, version } = await indicatorFor(db, actor, indicatorId);
	authorizeConceptEdit(actor, version.districtId);
	const indicator = parseOrThrow(indicatorInputSchema, input);
	await inTransaction(db, async (trx) => {
		if ((await countValues(trx, indicatorId)) > 0) {
			if (indicator.periodKind !== row.periodKind)
				throw new ConceptValidationError([{ path: 'periodKind', code: 'has_values' }]);
			if (
				indicator.computation !== row.computation ||
				indicator.computationParameter !== row.computationParameter
			)
				throw new ConceptValidationError([{ path: 'computation', code: 'has_values' }]);
		}
		await updateIndicatorRow(trx, indicatorId, { ...indicator, updatedAt: now.toISOString() });
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'concept.indicator.update',
				entity: 'indicator',
				entityId: indicatorId,
				before: toIndicator(row),
				after: indicator
			},
			now
		);
	});
}

/** Deletes an indicator with its values; the audit entry keeps the values. */
export async function deleteIndicator(
	db: Kysely<DB>,
	actor: ConceptEditor,
	indicatorId: number,
	now = new Date()
): Promise<number> {
	const { row, version } = await indicatorFor(db, actor, indicatorId);
	authorizeConceptEdit(actor, version.districtId);
	await inTransaction(db, async (trx) => {
		const values = await findValueRows(trx, [indicatorId]);
		await deleteIndicatorRow(trx, indicatorId);
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'concept.indicator.delete',
				entity: 'indicator',
				entityId: indicatorId,
				before: { ...toIndicator(row), values }
			},
			now
		);
	});
	return row.goalId;
}

/**
 * Enters the value of an indicator for a period (replacing an earlier entry for it). The period
 * must be of the indicator's kind and within the concept's years; computed indicators take none.
 */
export async function recordValue(
	db: Kysely<DB>,
	actor: ConceptEditor,
	indicatorId: number,
	input: ValueInput,
	now = new Date()
): Promise<void> {
	const { row, version } = await indicatorFor(db, actor, indicatorId);
	authorizeConceptEdit(actor, version.districtId);
	if (row.computation) throw new ConceptValidationError([{ path: 'value', code: 'computed' }]);
	const value = parseOrThrow(valueInputSchema, input);
	const issue = periodIssue(value.period, row.periodKind, version);
	if (issue) throw new ConceptValidationError([issue]);
	await inTransaction(db, async (trx) => {
		const before = (await findValueRows(trx, [indicatorId])).find(
			(stored) => stored.period === value.period
		);
		await upsertEnteredValue(trx, {
			indicatorId,
			period: value.period,
			value: value.value,
			source: value.source,
			note: value.note,
			computedAt: null,
			recordedBy: actor.id,
			recordedAt: now.toISOString()
		});
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'concept.value.record',
				entity: 'indicator',
				entityId: indicatorId,
				before,
				after: value
			},
			now
		);
	});
}

/** Removes an entered value; a computed indicator's snapshots stay as they were frozen. */
export async function deleteValue(
	db: Kysely<DB>,
	actor: ConceptEditor,
	indicatorId: number,
	valueId: number,
	now = new Date()
): Promise<void> {
	const { row, version } = await indicatorFor(db, actor, indicatorId);
	authorizeConceptEdit(actor, version.districtId);
	const value = await findValueRow(db, valueId);
	if (!value || value.indicatorId !== indicatorId) throw new ConceptNotFoundError('value', valueId);
	if (row.computation) throw new ConceptValidationError([{ path: 'value', code: 'computed' }]);
	await inTransaction(db, async (trx) => {
		await deleteValueRow(trx, valueId);
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'concept.value.delete',
				entity: 'indicator',
				entityId: indicatorId,
				before: value
			},
			now
		);
	});
}

/**
 * Freezes a computed indicator's figure for a closed period that KITZ did not compute itself
 * (figures kept before KITZ ran, such as the demo's history), stamped as the snapshot job would
 * have taken it the night after the period closed. A period already frozen keeps its figure.
 */
export async function recordSnapshot(
	db: Kysely<DB>,
	actor: ConceptEditor,
	indicatorId: number,
	input: { period: string; value: number },
	now = new Date()
): Promise<void> {
	const { row, version } = await indicatorFor(db, actor, indicatorId);
	authorizeConceptEdit(actor, version.districtId);
	if (!row.computation) throw new ConceptValidationError([{ path: 'value', code: 'not_computed' }]);
	const issue = periodIssue(input.period, row.periodKind, version);
	if (issue) throw new ConceptValidationError([issue]);
	const period = parsePeriod(input.period.trim())!;
	if (!isClosed(period, berlinToday(now)))
		throw new ConceptValidationError([{ path: 'period', code: 'not_closed' }]);
	if (!Number.isFinite(input.value))
		throw new ConceptValidationError([{ path: 'value', code: 'not_a_number' }]);
	const frozenAt = berlinInstant(`${addDays(periodDays(period).to, 1)}T01:00`).toISOString();
	await inTransaction(db, async (trx) => {
		await insertSnapshot(trx, {
			indicatorId,
			period: input.period.trim(),
			value: input.value,
			computedAt: frozenAt,
			recordedBy: null,
			recordedAt: frozenAt
		});
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'concept.value.snapshot',
				entity: 'indicator',
				entityId: indicatorId,
				after: input
			},
			now
		);
	});
}
