import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { decisionOrigins } from '../minutes/decisions.service.js';
import type { TaskInput } from '../minutes/tasks.schema.js';
import { insertCheckedTask } from '../minutes/tasks.service.js';
import { changeMeasure, measureFor, type MeasureActor } from './measure-scope.js';
import { MeasureNotFoundError, MeasureValidationError } from './measures.errors.js';
import { findFundingSourceRow } from './funding-sources.repository.js';
import {
	deleteBudget,
	deleteMilestone,
	deleteReach,
	findMilestones,
	findOfferDistrict,
	insertMilestone,
	linkOffer,
	linkTask,
	setMilestoneDone,
	unlinkOffer,
	upsertBudget,
	upsertReach
} from './measure-parts.repository.js';
import {
	budgetInputSchema,
	milestoneInputSchema,
	parseOrThrow,
	reachInputSchema,
	type BudgetInput,
	type MilestoneInput,
	type ReachInput
} from './measures.schema.js';
import { isCalendarDay } from '../../shared/time/wall-clock.js';

/** The parts of a measure: milestones, budget lines, reach, linked offers, follow-up tasks. */

/** A milestone, due no later than the measure's end; from a decision when `decisionId` is set. */
export async function addMilestone(
	db: Kysely<DB>,
	actor: MeasureActor,
	measureId: number,
	input: MilestoneInput,
	now = new Date()
): Promise<number> {
	const { row } = await measureFor(db, actor, measureId, 'manage');
	const milestone = parseOrThrow(milestoneInputSchema, input);
	if (row.endsOn && milestone.dueOn > row.endsOn)
		throw new MeasureValidationError([{ path: 'dueOn', code: 'after_end' }]);
	if (
		milestone.decisionId !== null &&
		!(await decisionOrigins(db, actor.districtId, [milestone.decisionId])).length
	)
		throw new MeasureValidationError([{ path: 'decisionId', code: 'unknown' }]);
	let id = 0;
	await changeMeasure(db, actor, measureId, now, async (trx) => {
		id = await insertMilestone(trx, { measureId, ...milestone, at: now.toISOString() });
		return {
			action: 'measure.milestone.add',
			entity: 'measure_milestone',
			entityId: id,
			after: { measureId, ...milestone }
		};
	});
	return id;
}

async function milestoneOf(db: Kysely<DB>, measureId: number, milestoneId: number) {
	const milestone = (await findMilestones(db, [measureId])).find((m) => m.id === milestoneId);
	if (!milestone) throw new MeasureNotFoundError(measureId);
	return milestone;
}

/** Marks a milestone done on a day, or (doneOn null) open again; partners of the measure may. */
export async function setMilestoneDoneOn(
	db: Kysely<DB>,
	actor: MeasureActor,
	measureId: number,
	milestoneId: number,
	doneOn: string | null,
	now = new Date()
): Promise<void> {
	await measureFor(db, actor, measureId, 'update');
	const milestone = await milestoneOf(db, measureId, milestoneId);
	if (doneOn !== null && !isCalendarDay(doneOn))
		throw new MeasureValidationError([{ path: 'doneOn', code: 'day' }]);
	await changeMeasure(db, actor, measureId, now, async (trx) => {
		await setMilestoneDone(trx, milestoneId, doneOn, now.toISOString());
		return {
			action: doneOn ? 'measure.milestone.done' : 'measure.milestone.reopen',
			entity: 'measure_milestone',
			entityId: milestoneId,
			before: { doneOn: milestone.doneOn },
			after: { doneOn }
		};
	});
}

export async function removeMilestone(
	db: Kysely<DB>,
	actor: MeasureActor,
	measureId: number,
	milestoneId: number,
	now = new Date()
): Promise<void> {
	await measureFor(db, actor, measureId, 'manage');
	const milestone = await milestoneOf(db, measureId, milestoneId);
	await changeMeasure(db, actor, measureId, now, async (trx) => {
		await deleteMilestone(trx, milestoneId);
		return {
			action: 'measure.milestone.delete',
			entity: 'measure_milestone',
			entityId: milestoneId,
			before: milestone
		};
	});
}

/** Planned and spent for a funding source and year; a second entry for both replaces the first. */
export async function setBudget(
	db: Kysely<DB>,
	actor: MeasureActor,
	measureId: number,
	input: BudgetInput,
	now = new Date()
): Promise<void> {
	await measureFor(db, actor, measureId, 'manage');
	const line = parseOrThrow(budgetInputSchema, input);
	const source = await findFundingSourceRow(db, line.fundingSourceId);
	if (source?.districtId !== actor.districtId || source.archivedAt)
		throw new MeasureValidationError([{ path: 'fundingSourceId', code: 'unknown' }]);
	await changeMeasure(db, actor, measureId, now, async (trx) => {
		await upsertBudget(trx, { measureId, ...line });
		return { action: 'measure.budget.set', entity: 'measure', entityId: measureId, after: line };
	});
}

export async function removeBudget(
	db: Kysely<DB>,
	actor: MeasureActor,
	measureId: number,
	key: { fundingSourceId: number; year: number },
	now = new Date()
): Promise<void> {
	await measureFor(db, actor, measureId, 'manage');
	await changeMeasure(db, actor, measureId, now, async (trx) => {
		if (!(await deleteBudget(trx, { measureId, ...key }))) return null;
		return { action: 'measure.budget.remove', entity: 'measure', entityId: measureId, before: key };
	});
}

/** Participants reached in a period, with optional breakdowns; replaces the period's figures. */
export async function setReach(
	db: Kysely<DB>,
	actor: MeasureActor,
	measureId: number,
	input: ReachInput,
	now = new Date()
): Promise<void> {
	await measureFor(db, actor, measureId, 'update');
	const reach = parseOrThrow(reachInputSchema, input);
	await changeMeasure(db, actor, measureId, now, async (trx) => {
		await upsertReach(trx, {
			measureId,
			...reach,
			recordedBy: actor.id,
			recordedAt: now.toISOString()
		});
		return { action: 'measure.reach.set', entity: 'measure', entityId: measureId, after: reach };
	});
}

export async function removeReach(
	db: Kysely<DB>,
	actor: MeasureActor,
	measureId: number,
	period: string,
	now = new Date()
): Promise<void> {
	await measureFor(db, actor, measureId, 'update');
	await changeMeasure(db, actor, measureId, now, async (trx) => {
		if (!(await deleteReach(trx, measureId, period))) return null;
		return {
			action: 'measure.reach.remove',
			entity: 'measure',
			entityId: measureId,
			before: { period }
		};
	});
}

/** Links an offer of the district the measure produces, or takes the link away. */
export async function linkMeasureOffer(
	db: Kysely<DB>,
	actor: MeasureActor,
	measureId: number,
	offerId: number,
	linked: boolean,
	now = new Date()
): Promise<void> {
	await measureFor(db, actor, measureId, 'manage');
	if (linked && (await findOfferDistrict(db, offerId)) !== actor.districtId)
		throw new MeasureValidationError([{ path: 'offerId', code: 'unknown' }]);
	await changeMeasure(db, actor, measureId, now, async (trx) => {
		if (linked) await linkOffer(trx, measureId, offerId);
		else if (!(await unlinkOffer(trx, measureId, offerId))) return null;
		return {
			action: linked ? 'measure.offer.link' : 'measure.offer.unlink',
			entity: 'measure',
			entityId: measureId,
			after: { offerId }
		};
	});
}

/** Follow-up work on the planning board: a task the measure lists with its status. */
export async function addMeasureTask(
	db: Kysely<DB>,
	actor: MeasureActor,
	measureId: number,
	input: TaskInput,
	now = new Date()
): Promise<number> {
	await measureFor(db, actor, measureId, 'manage');
	let taskId = 0;
	await changeMeasure(db, actor, measureId, now, async (trx) => {
		taskId = await insertCheckedTask(
			trx,
			actor,
			'task',
			{ ...input, agendaItemId: null, networkId: null, offer: null },
			{ districtId: actor.districtId, networkId: null, meetingId: null, agendaItemIds: [] },
			now
		);
		await linkTask(trx, measureId, taskId);
		return {
			action: 'measure.task.create',
			entity: 'measure',
			entityId: measureId,
			after: { taskId }
		};
	});
	return taskId;
}
