import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/authorization.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { listActionRows } from './actions.repository.js';
import { instrumentForNewRound, instrumentVersions } from './instrument.service.js';
import { authorizeOnOpening, canOnOpening, type OpeningEditor } from './opening-access.js';
import { auditOpening } from './opening-audit.js';
import {
	OpeningValidationError,
	RoundNotFoundError,
	RoundSubmittedError,
	type OpeningIssue
} from './opening.errors.js';
import {
	findRatingRows,
	findRoundRow,
	insertRoundRow,
	listRoundRows,
	replaceRatingRows,
	updateRoundRow,
	type RatingRow,
	type RoundRow
} from './opening.repository.js';
import {
	answerSchema,
	parseOpeningInput,
	roundInputSchema,
	type Answer,
	type InstrumentContent,
	type RoundInput
} from './opening.schema.js';
import { toActionView, type ActionView } from './opening-views.js';
import { scoreRound, unansweredItems, type Rating, type RoundScores } from './scoring.js';
import { unitInScope, type Unit } from './units.service.js';

export interface RoundSummary {
	id: number;
	label: string;
	status: RoundRow['status'];
	submittedAt: string | null;
	createdAt: string;
}

export interface RoundDetail extends RoundSummary {
	unit: Unit;
	instrumentVersion: number;
	content: InstrumentContent;
	answers: Answer[];
	scores: RoundScores;
	actions: ActionView[];
	/** Whether the actor may change the answers now (a draft of a unit in their scope). */
	mayEdit: boolean;
	/** Coordinators reopen submitted rounds and turn actions into measures or tasks. */
	mayManage: boolean;
}

const summaryOf = (row: RoundRow): RoundSummary => ({
	id: row.id,
	label: row.label,
	status: row.status,
	submittedAt: row.submittedAt,
	createdAt: row.createdAt
});

const ratingOf = (row: RatingRow): Answer & Rating => ({
	itemKey: row.itemKey,
	level: row.level,
	notApplicable: row.notApplicable === 1,
	comment: row.comment
});

/** The rounds of a unit, oldest first. */
export async function listRounds(db: Db, actor: Actor, unitId: number) {
	const unit = await unitInScope(db, actor, unitId);
	return { unit, rounds: (await listRoundRows(db, [unitId])).map(summaryOf) };
}

/** A new draft round of the unit, answered with the district's newest instrument version. */
export async function startRound(
	db: Kysely<DB>,
	actor: OpeningEditor,
	unitId: number,
	input: RoundInput,
	now = new Date()
): Promise<number> {
	const unit = await unitInScope(db, actor, unitId);
	const round = parseOpeningInput(roundInputSchema, input);
	return inTransaction(db, async (trx) => {
		const at = now.toISOString();
		const instrumentId = await instrumentForNewRound(trx, actor, unit.districtId, now);
		const id = await insertRoundRow(trx, {
			unitId,
			instrumentId,
			label: round.label,
			status: 'draft',
			createdAt: at,
			updatedAt: at
		});
		await auditOpening(
			trx,
			actor,
			unit.districtId,
			{ action: 'opening.round.start', entity: 'opening_round', entityId: id, after: round },
			now
		);
		return id;
	});
}

async function roundInScope(db: Db, actor: Actor, roundId: number) {
	const row = await findRoundRow(db, roundId);
	if (!row) throw new RoundNotFoundError(roundId);
	return { row, unit: await unitInScope(db, actor, row.unitId) };
}

/** A round with its answers, scores and improvement actions. */
export async function getRound(db: Db, actor: Actor, roundId: number): Promise<RoundDetail> {
	const { row, unit } = await roundInScope(db, actor, roundId);
	const instrument = (await instrumentVersions(db, [row.instrumentId])).get(row.instrumentId)!;
	// In the instrument's order, as the form asks them.
	const order = instrument.content.dimensions.flatMap((d) => d.items.map((item) => item.key));
	const answers = (await findRatingRows(db, [roundId]))
		.map(ratingOf)
		.sort((a, b) => order.indexOf(a.itemKey) - order.indexOf(b.itemKey));
	return {
		...summaryOf(row),
		unit,
		instrumentVersion: instrument.version,
		content: instrument.content,
		answers,
		scores: scoreRound(instrument.content, answers),
		actions: (await listActionRows(db, [roundId])).map(toActionView),
		mayEdit: row.status === 'draft',
		mayManage: canOnOpening(actor, 'manage', unit.districtId)
	};
}

/** Checks the answers against the round's instrument; a submission needs every item answered. */
function answerIssues(content: InstrumentContent, answers: Answer[], submit: boolean) {
	const maxLevel = content.scale.length - 1;
	const keys = new Set(content.dimensions.flatMap((d) => d.items.map((item) => item.key)));
	const issues: OpeningIssue[] = [];
	for (const answer of answers) {
		const path = `rating.${answer.itemKey}`;
		if (!keys.has(answer.itemKey)) issues.push({ path, code: 'unknown' });
		else if (answer.level !== null && answer.level > maxLevel)
			issues.push({ path, code: 'level', params: { max: maxLevel } });
		else if (answer.level !== null && answer.notApplicable)
			issues.push({ path, code: 'level_and_na' });
	}
	if (submit)
		for (const missing of unansweredItems(content, answers))
			issues.push({ path: `rating.${missing.itemKey}`, code: 'missing' });
	return issues;
}

/**
 * Saves a draft's answers, and submits the round when `submit` is set. A submission needs every
 * item rated or marked "not applicable"; otherwise nothing is saved and every missing item is
 * named. A submitted round is read-only until a coordinator reopens it.
 */
export async function saveAnswers(
	db: Kysely<DB>,
	actor: OpeningEditor,
	roundId: number,
	input: Answer[],
	submit: boolean,
	now = new Date()
): Promise<void> {
	const { row, unit } = await roundInScope(db, actor, roundId);
	if (row.status === 'submitted') throw new RoundSubmittedError(roundId);
	const { content } = (await instrumentVersions(db, [row.instrumentId])).get(row.instrumentId)!;
	const max = content.scale.length - 1;
	const shapeIssues: OpeningIssue[] = [];
	const answers = input.flatMap((answer) => {
		const parsed = answerSchema.safeParse(answer);
		if (parsed.success) return [parsed.data];
		// One message per item, named after what is wrong with it: the key, the level or the comment.
		const field = parsed.error.issues[0]?.path[0];
		const path = `rating.${String(answer.itemKey)}`;
		if (field === 'level') shapeIssues.push({ path, code: 'level', params: { max } });
		else shapeIssues.push({ path, code: field === 'comment' ? 'comment_length' : 'unknown' });
		return [];
	});
	const issues = [...shapeIssues, ...answerIssues(content, answers, submit)];
	if (issues.length) throw new OpeningValidationError(issues);
	await inTransaction(db, async (trx) => {
		const at = now.toISOString();
		await replaceRatingRows(
			trx,
			roundId,
			answers.map((answer) => ({
				roundId,
				itemKey: answer.itemKey,
				level: answer.notApplicable ? null : answer.level,
				notApplicable: answer.notApplicable ? 1 : 0,
				comment: answer.comment
			}))
		);
		await updateRoundRow(
			trx,
			roundId,
			submit
				? { status: 'submitted', submittedAt: at, submittedBy: actor.id, updatedAt: at }
				: { updatedAt: at }
		);
		await auditOpening(
			trx,
			actor,
			unit.districtId,
			{
				action: submit ? 'opening.round.submit' : 'opening.round.save',
				entity: 'opening_round',
				entityId: roundId,
				after: { answers }
			},
			now
		);
	});
}

/** Opens a submitted round again for changes; coordinators only. */
export async function reopenRound(
	db: Kysely<DB>,
	actor: OpeningEditor,
	roundId: number,
	now = new Date()
): Promise<void> {
	const { row, unit } = await roundInScope(db, actor, roundId);
	authorizeOnOpening(actor, 'manage', unit.districtId);
	if (row.status !== 'submitted') return;
	await inTransaction(db, async (trx) => {
		await updateRoundRow(trx, roundId, {
			status: 'draft',
			submittedAt: null,
			submittedBy: null,
			updatedAt: now.toISOString()
		});
		await auditOpening(
			trx,
			actor,
			unit.districtId,
			{
				action: 'opening.round.reopen',
				entity: 'opening_round',
				entityId: roundId,
				before: { submittedAt: row.submittedAt }
			},
			now
		);
	});
}
