import type { Kysely } from 'kysely';
import { ForbiddenError } from '../accounts/accounts.errors.js';
import type { Actor } from '../accounts/authorization.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { outcomesOfDecisions, type DecisionOutcome } from '../measures/measures-read.service.js';
import { MeetingNotFoundError } from '../meetings/meetings.errors.js';
import { loadMeeting, loadMeetingsOfNetworks } from '../meetings/meetings.service.js';
import { addDecision, decisionOrigins } from '../minutes/decisions.service.js';
import { addFollowUpTask } from '../minutes/minutes.service.js';
import type { TaskInput } from '../minutes/tasks.schema.js';
import { tasksByIds, type TaskSummary } from '../minutes/tasks.service.js';
import { listNetworks } from '../networks/networks.service.js';
import { authorizeOnChains, canOnChains, type ChainEditor } from './chain-access.js';
import { auditChains } from './chain-audit.js';
import type { ChainDetail } from './chain-views.js';
import { ChainValidationError, ReviewNotFoundError, type ChainIssue } from './chains.errors.js';
import { updateTransitionRow } from './chains.repository.js';
import { parseChainInput } from './chains.schema.js';
import { loadChain } from './chains.service.js';
import type { TransitionState } from './chains.table.js';
import {
	findFindingRows,
	findReviewDecisionRows,
	findReviewRows,
	insertReviewDecisionRow,
	insertReviewRow,
	replaceFindingRows,
	setReviewDecisionTask,
	updateReviewSummary,
	type ReviewRow
} from './reviews.repository.js';
import {
	reviewInputSchema,
	reviewUpdateSchema,
	type ReviewInput,
	type ReviewUpdate
} from './reviews.schema.js';

/**
 * Chain reviews: held in a meeting of one of the district's networks, they record findings per
 * stage and transition and take decisions. The decisions are the meeting's minutes decisions, so
 * chains calls minutes and measures, never the other way round; the minutes stay the one record
 * of what was decided, and a decision becomes a task or a measure as on the minutes page.
 */

export interface ReviewSummary {
	id: number;
	chainId: number;
	meetingId: number;
	meetingTitle: string;
	meetingStartsAt: string;
	networkId: number;
	networkName: string;
	summary: string;
	findingCount: number;
	decisionCount: number;
}

export interface ReviewFinding {
	id: number;
	stageId: number | null;
	transitionId: number | null;
	/** The stage's title or "A → B" when the finding was written. */
	subject: string;
	state: TransitionState | null;
	text: string;
}

export interface ReviewDecision {
	id: number;
	text: string;
	task: TaskSummary | null;
	/** Measures decided by it, or of which it became a milestone (staff and viewers only). */
	measures: DecisionOutcome[];
}

export interface ReviewDetail extends ReviewSummary {
	chain: ChainDetail;
	/** Decisions go into the meeting's minutes, which change only until they are released. */
	decisionsOpen: boolean;
	findings: ReviewFinding[];
	decisions: ReviewDecision[];
}

/** Reviews are the office's analysis: staff and viewers read them, partners do not. */
function authorizeReviewRead(actor: Actor, districtId: number) {
	if (!canOnChains(actor, 'read', districtId) || actor.role === 'partner_editor')
		throw new ForbiddenError('read', actor.role);
}

export const mayReadReviews = (actor: Actor): boolean => actor.role !== 'partner_editor';

/** The meeting a review is held in: of the chain's district, begun, not cancelled. */
async function meetingIssue(
	db: Db,
	districtId: number,
	meetingId: number,
	now: Date
): Promise<ChainIssue | null> {
	const meeting = await loadMeeting(db, meetingId, now).catch((failure: unknown) => {
		if (failure instanceof MeetingNotFoundError) return null;
		throw failure;
	});
	if (!meeting || meeting.districtId !== districtId)
		return { path: 'meetingId', code: 'meeting_district' };
	if (meeting.status === 'cancelled') return { path: 'meetingId', code: 'meeting_cancelled' };
	if (!meeting.started) return { path: 'meetingId', code: 'meeting_not_begun' };
	return null;
}

/** Meetings of the district's networks that have begun and were held: where a review can be. */
export async function reviewMeetingChoices(
	db: Db,
	actor: Actor,
	now = new Date()
): Promise<{ id: number; title: string; startsAt: string; networkName: string }[]> {
	authorizeOnChains(actor, 'manage', actor.districtId);
	const networks = await listNetworks(db, actor, now);
	const meetings = await loadMeetingsOfNetworks(
		db,
		networks.map((network) => network.id),
		now
	);
	return meetings
		.filter((meeting) => meeting.started && meeting.status !== 'cancelled')
		.sort((a, b) => b.startsAt.localeCompare(a.startsAt))
		.map((meeting) => ({
			id: meeting.id,
			title: meeting.title,
			startsAt: meeting.startsAt,
			networkName: meeting.networkName
		}));
}

export async function createReview(
	db: Kysely<DB>,
	actor: ChainEditor,
	chainId: number,
	input: ReviewInput,
	now = new Date()
): Promise<number> {
	const chain = await loadChain(db, chainId);
	authorizeOnChains(actor, 'manage', chain.districtId);
	const review = parseChainInput(reviewInputSchema, input);
	const issue = await meetingIssue(db, chain.districtId, review.meetingId, now);
	if (issue) throw new ChainValidationError([issue]);
	return inTransaction(db, async (trx) => {
		const id = await insertReviewRow(trx, {
			chainId,
			meetingId: review.meetingId,
			summary: review.summary,
			createdBy: actor.id,
			createdAt: now.toISOString()
		});
		await auditChains(
			trx,
			actor,
			chain.districtId,
			{ action: 'chain.review.create', entity: 'chain_review', entityId: id, after: review },
			now
		);
		return id;
	});
}

async function reviewRow(db: Db, reviewId: number): Promise<ReviewRow> {
	const [row] = await findReviewRows(db, { reviewId });
	if (!row) throw new ReviewNotFoundError(reviewId);
	return row;
}

/** Each finding's subject as it is named today; an unknown stage or transition is an issue. */
function subjectsOf(
	chain: ChainDetail,
	update: ReviewUpdate
): { subjects: string[]; issues: ChainIssue[] } {
	const issues: ChainIssue[] = [];
	const subjects = update.findings.map((finding, index) => {
		if (finding.stageId !== null) {
			const stage = chain.stages.find((s) => s.id === finding.stageId);
			if (!stage) issues.push({ path: `findings.${index}.stageId`, code: 'other_chain' });
			return stage?.title ?? '';
		}
		const transition = chain.transitions.find((t) => t.id === finding.transitionId);
		if (!transition) issues.push({ path: `findings.${index}.transitionId`, code: 'other_chain' });
		return transition ? `${transition.fromTitle} → ${transition.toTitle}` : '';
	});
	return { subjects, issues };
}

/**
 * Saves the summary and the findings (a finding without text or state is none). A state found
 * at a transition becomes the transition's state, reviewed on the meeting's day.
 */
export async function updateReview(
	db: Kysely<DB>,
	actor: ChainEditor,
	reviewId: number,
	input: ReviewUpdate,
	now = new Date()
): Promise<void> {
	const row = await reviewRow(db, reviewId);
	const chain = await loadChain(db, row.chainId);
	authorizeOnChains(actor, 'manage', chain.districtId);
	const update = parseChainInput(reviewUpdateSchema, input);
	const { subjects, issues } = subjectsOf(chain, update);
	if (issues.length) throw new ChainValidationError(issues);
	const findings = update.findings
		.map((finding, index) => ({ ...finding, subject: subjects[index]! }))
		.filter((finding) => finding.text || finding.state);
	const before = await findFindingRows(db, [reviewId]);
	const reviewedOn = row.meetingStartsAt.slice(0, 10);
	await inTransaction(db, async (trx) => {
		await updateReviewSummary(trx, reviewId, update.summary);
		await replaceFindingRows(
			trx,
			reviewId,
			findings.map((finding) => ({
				stageId: finding.stageId,
				transitionId: finding.transitionId,
				subject: finding.subject,
				state: finding.state,
				text: finding.text
			}))
		);
		await auditChains(
			trx,
			actor,
			chain.districtId,
			{
				action: 'chain.review.update',
				entity: 'chain_review',
				entityId: reviewId,
				before: { summary: row.summary, findings: before },
				after: { summary: update.summary, findings }
			},
			now
		);
		for (const finding of findings) {
			const transition = chain.transitions.find((t) => t.id === finding.transitionId);
			if (!transition || !finding.state) continue;
			// A later review may be recorded first; the last reviewed day never goes back.
			const day =
				transition.reviewedOn && transition.reviewedOn > reviewedOn
					? transition.reviewedOn
					: reviewedOn;
			if (transition.state === finding.state && transition.reviewedOn === day) continue;
			await updateTransitionRow(trx, transition.id, {
				state: finding.state,
				reviewedOn: day,
				updatedAt: now.toISOString()
			});
			await auditChains(
				trx,
				actor,
				chain.districtId,
				{
					action: 'chain.transition.update',
					entity: 'chain_transition',
					entityId: transition.id,
					before: { state: transition.state, reviewedOn: transition.reviewedOn },
					after: { state: finding.state, reviewedOn: day, reviewId }
				},
				now
			);
		}
	});
}

/** A decision of the review, written into the meeting's minutes as a general decision. */
export async function addReviewDecision(
	db: Kysely<DB>,
	actor: ChainEditor,
	reviewId: number,
	text: string,
	now = new Date()
): Promise<number> {
	const row = await reviewRow(db, reviewId);
	const chain = await loadChain(db, row.chainId);
	authorizeOnChains(actor, 'manage', chain.districtId);
	return inTransaction(db, async (trx) => {
		const decisionId = await addDecision(
			trx,
			actor,
			row.meetingId,
			{ agendaItemId: null, text },
			now
		);
		await insertReviewDecisionRow(trx, reviewId, decisionId);
		await auditChains(
			trx,
			actor,
			chain.districtId,
			{
				action: 'chain.review.decision',
				entity: 'chain_review',
				entityId: reviewId,
				after: { decisionId, text: text.trim() }
			},
			now
		);
		return decisionId;
	});
}

/** A decision of the review becomes a follow-up task of its meeting, on the board. */
export async function reviewDecisionToTask(
	db: Kysely<DB>,
	actor: ChainEditor,
	reviewId: number,
	decisionId: number,
	task: TaskInput,
	now = new Date()
): Promise<number> {
	const row = await reviewRow(db, reviewId);
	const chain = await loadChain(db, row.chainId);
	authorizeOnChains(actor, 'manage', chain.districtId);
	const link = (await findReviewDecisionRows(db, [reviewId])).find(
		(decision) => decision.decisionId === decisionId
	);
	if (!link) throw new ChainValidationError([{ path: 'decisionId', code: 'unknown' }]);
	// One task per decision: the review shows the one the decision became.
	if (link.taskId !== null)
		throw new ChainValidationError([{ path: 'decisionId', code: 'duplicate' }]);
	return inTransaction(db, async (trx) => {
		const taskId = await addFollowUpTask(trx, actor, row.meetingId, task, now);
		await setReviewDecisionTask(trx, reviewId, decisionId, taskId);
		await auditChains(
			trx,
			actor,
			chain.districtId,
			{
				action: 'chain.review.decision',
				entity: 'chain_review',
				entityId: reviewId,
				after: { decisionId, taskId }
			},
			now
		);
		return taskId;
	});
}

const summaryOf = (
	row: ReviewRow,
	findings: { reviewId: number }[],
	decisions: { reviewId: number }[]
): ReviewSummary => ({
	id: row.id,
	chainId: row.chainId,
	meetingId: row.meetingId,
	meetingTitle: row.meetingTitle,
	meetingStartsAt: row.meetingStartsAt,
	networkId: row.networkId,
	networkName: row.networkName,
	summary: row.summary,
	findingCount: findings.filter((finding) => finding.reviewId === row.id).length,
	decisionCount: decisions.filter((decision) => decision.reviewId === row.id).length
});

/** A chain's reviews, latest meeting first. */
export async function listReviews(db: Db, actor: Actor, chainId: number): Promise<ReviewSummary[]> {
	const chain = await loadChain(db, chainId);
	authorizeReviewRead(actor, chain.districtId);
	const rows = await findReviewRows(db, { chainId });
	const ids = rows.map((row) => row.id);
	const [findings, decisions] = await Promise.all([
		findFindingRows(db, ids),
		findReviewDecisionRows(db, ids)
	]);
	return rows.map((row) => summaryOf(row, findings, decisions));
}

/** One review with its findings and decisions, and what became of each decision. */
export async function getReview(
	db: Db,
	actor: Actor,
	reviewId: number,
	now = new Date()
): Promise<ReviewDetail> {
	const row = await reviewRow(db, reviewId);
	const chain = await loadChain(db, row.chainId);
	authorizeReviewRead(actor, chain.districtId);
	const [findings, links] = await Promise.all([
		findFindingRows(db, [reviewId]),
		findReviewDecisionRows(db, [reviewId])
	]);
	const decisionIds = links.map((link) => link.decisionId);
	const [meeting, origins, tasks, outcomes] = await Promise.all([
		loadMeeting(db, row.meetingId, now),
		decisionOrigins(db, chain.districtId, decisionIds),
		tasksByIds(
			db,
			chain.districtId,
			links.flatMap((link) => (link.taskId === null ? [] : [link.taskId])),
			now
		),
		outcomesOfDecisions(db, actor, decisionIds)
	]);
	return {
		...summaryOf(row, findings, links),
		chain,
		decisionsOpen: meeting.minutesReleasedAt === null,
		findings: findings.map((finding) => ({
			id: finding.id,
			stageId: finding.stageId,
			transitionId: finding.transitionId,
			subject: finding.subject,
			state: finding.state,
			text: finding.text
		})),
		decisions: links.flatMap((link) => {
			const origin = origins.find((o) => o.id === link.decisionId);
			return origin
				? [
						{
							id: link.decisionId,
							text: origin.text,
							task: tasks.find((task) => task.id === link.taskId) ?? null,
							measures: outcomes[link.decisionId] ?? []
						}
					]
				: [];
		})
	};
}
