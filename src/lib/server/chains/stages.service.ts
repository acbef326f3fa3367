import type { Kysely } from 'kysely';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { findOfferDistricts } from '../offers/offers.service.js';
import { deleteAllTranslations } from '../translations/translations.service.js';
import { authorizeOnChains, type ChainEditor } from './chain-access.js';
import { auditChains } from './chain-audit.js';
import { findCycle, type Edge } from './chain-graph.js';
import type { ChainDetail, StageView, TransitionView } from './chain-views.js';
import { ChainValidationError, StageNotFoundError, type ChainIssue } from './chains.errors.js';
import {
	countFindingsAbout,
	countFrictionReports,
	deleteFindingsAbout,
	deleteStageRow,
	deleteTransitionRows,
	findStageRow,
	insertStageRow,
	insertTransitionRow,
	replaceStageOffers,
	updateStageRow
} from './chains.repository.js';
import {
	parseChainInput,
	stageDeletionSchema,
	stageInputSchema,
	type ParsedStageInput,
	type StageDeletion,
	type StageInput
} from './chains.schema.js';
import { loadChain } from './chains.service.js';

/** Stages of a chain: what they achieve, which offers qualify, where they sit in the graph. */

const NEW_STAGE = -1;

/** A transition documented enough that removing it by editing a stage would lose something. */
const isDocumented = (transition: TransitionView) =>
	Boolean(
		transition.referral ||
		transition.agreement ||
		transition.fromContact ||
		transition.toContact ||
		transition.fromOrganisationId ||
		transition.toOrganisationId ||
		transition.waitingWeeks !== null ||
		transition.reviewedOn
	);

/**
 * The problems of placing a stage after `follows` in the chain: a stage of another chain, the
 * stage itself, a cycle (named stage by stage), or a documented transition the edit would drop.
 */
async function graphIssues(
	db: Db,
	chain: ChainDetail,
	stageId: number,
	follows: readonly number[]
): Promise<ChainIssue[]> {
	const titles = new Map(chain.stages.map((stage) => [stage.id, stage.title]));
	if (follows.some((id) => !titles.has(id))) return [{ path: 'follows', code: 'other_chain' }];
	if (follows.includes(stageId)) return [{ path: 'follows', code: 'self' }];
	const issues: ChainIssue[] = [];
	for (const transition of chain.transitions) {
		if (transition.toStageId !== stageId || follows.includes(transition.fromStageId)) continue;
		const documented =
			isDocumented(transition) || (await countFrictionReports(db, [transition.id])) > 0;
		if (documented)
			issues.push({
				path: 'follows',
				code: 'documented_transition',
				params: { stage: transition.fromTitle }
			});
	}
	const edges: Edge[] = [
		...chain.transitions
			.filter((transition) => transition.toStageId !== stageId)
			.map((transition) => ({ from: transition.fromStageId, to: transition.toStageId })),
		...follows.map((from) => ({ from, to: stageId }))
	];
	const cycle = findCycle([...titles.keys(), stageId], edges);
	if (cycle)
		issues.push({
			path: 'follows',
			code: 'cycle',
			params: { stages: cycle.map((id) => titles.get(id) ?? '…').join(' → ') }
		});
	return issues;
}

/**
 * Offers included by hand must be the district's own. Any existing offer may be left out:
 * coverage counts the neighbouring districts' offers by their distance, so one across the border
 * can match the rules without belonging to the stage.
 */
async function offerIssues(
	db: Db,
	districtId: number,
	stage: ParsedStageInput
): Promise<ChainIssue[]> {
	const ids = [...stage.includedOfferIds, ...stage.excludedOfferIds];
	const districts = await findOfferDistricts(db, ids);
	const foreign = (id: number) => districts.get(id) !== districtId;
	const missing = (id: number) => !districts.has(id);
	return [
		...(stage.includedOfferIds.some(foreign)
			? [{ path: 'includedOfferIds', code: 'unknown' }]
			: []),
		...(stage.excludedOfferIds.some(missing) ? [{ path: 'excludedOfferIds', code: 'unknown' }] : [])
	];
}

const columnsOf = (stage: ParsedStageInput) => ({
	title: stage.title,
	achieves: stage.achieves,
	isOptional: stage.isOptional ? 1 : 0,
	rules: JSON.stringify(stage.rules),
	reachKm: stage.reachKm,
	onlineCounts: stage.onlineCounts ? 1 : 0
});

const manualOffersOf = (stage: ParsedStageInput) => [
	...stage.includedOfferIds.map((offerId) => ({ offerId, mode: 'include' as const })),
	...stage.excludedOfferIds.map((offerId) => ({ offerId, mode: 'exclude' as const }))
];

/** A new hand-over nobody has documented yet: its state is "missing" until someone does. */
function insertUndocumentedTransition(
	db: Db,
	chainId: number,
	fromStageId: number,
	toStageId: number,
	at: string
): Promise<number> {
	return insertTransitionRow(db, {
		chainId,
		fromStageId,
		toStageId,
		state: 'missing',
		waitingWeeks: null,
		reviewedOn: null,
		fromOrganisationId: null,
		toOrganisationId: null,
		createdAt: at,
		updatedAt: at
	});
}

/** Connects the stage to the predecessors it does not follow yet; a new hand-over is undocumented. */
async function addTransitions(
	db: Db,
	chain: ChainDetail,
	stageId: number,
	follows: readonly number[],
	at: string
): Promise<void> {
	const existing = new Set(
		chain.transitions
			.filter((transition) => transition.toStageId === stageId)
			.map((transition) => transition.fromStageId)
	);
	for (const from of follows)
		if (!existing.has(from)) await insertUndocumentedTransition(db, chain.id, from, stageId, at);
}

/** The stage input parsed and checked against its chain, or every problem at once. */
async function checkedStage(
	db: Db,
	chain: ChainDetail,
	stageId: number,
	input: StageInput
): Promise<ParsedStageInput> {
	const stage = parseChainInput(stageInputSchema, input);
	const issues = [
		...(await graphIssues(db, chain, stageId, stage.follows)),
		...(await offerIssues(db, chain.districtId, stage))
	];
	if (issues.length) throw new ChainValidationError(issues);
	return stage;
}

export async function createStage(
	db: Kysely<DB>,
	actor: ChainEditor,
	chainId: number,
	input: StageInput,
	now = new Date()
): Promise<number> {
	const chain = await loadChain(db, chainId);
	authorizeOnChains(actor, 'manage', chain.districtId);
	const stage = await checkedStage(db, chain, NEW_STAGE, input);
	return inTransaction(db, async (trx) => {
		const at = now.toISOString();
		const id = await insertStageRow(trx, {
			chainId,
			position: chain.stages.length,
			...columnsOf(stage),
			createdAt: at,
			updatedAt: at
		});
		await replaceStageOffers(trx, id, manualOffersOf(stage));
		await addTransitions(trx, chain, id, stage.follows, at);
		await auditChains(
			trx,
			actor,
			chain.districtId,
			{ action: 'chain.stage.create', entity: 'chain_stage', entityId: id, after: stage },
			now
		);
		return id;
	});
}

/** The stage and its chain, for a change to the stage. */
async function stageInChain(db: Db, stageId: number): Promise<[StageView, ChainDetail]> {
	const row = await findStageRow(db, stageId);
	if (!row) throw new StageNotFoundError(stageId);
	const chain = await loadChain(db, row.chainId);
	return [chain.stages.find((stage) => stage.id === stageId)!, chain];
}

export async function getStage(db: Db, stageId: number): Promise<[StageView, ChainDetail]> {
	return stageInChain(db, stageId);
}

export async function updateStage(
	db: Kysely<DB>,
	actor: ChainEditor,
	stageId: number,
	input: StageInput,
	now = new Date()
): Promise<void> {
	const [before, chain] = await stageInChain(db, stageId);
	authorizeOnChains(actor, 'manage', chain.districtId);
	const stage = await checkedStage(db, chain, stageId, input);
	await inTransaction(db, async (trx) => {
		const at = now.toISOString();
		await updateStageRow(trx, stageId, { ...columnsOf(stage), updatedAt: at });
		await replaceStageOffers(trx, stageId, manualOffersOf(stage));
		await deleteTransitionRows(
			trx,
			chain.transitions
				.filter(
					(transition) =>
						transition.toStageId === stageId && !stage.follows.includes(transition.fromStageId)
				)
				.map((transition) => transition.id)
		);
		await addTransitions(trx, chain, stageId, stage.follows, at);
		await auditChains(
			trx,
			actor,
			chain.districtId,
			{
				action: 'chain.stage.update',
				entity: 'chain_stage',
				entityId: stageId,
				before,
				after: stage
			},
			now
		);
	});
}

/** What deleting a stage would touch, for the page that asks what becomes of it. */
export interface StageDeletionPreview {
	stage: StageView;
	chain: ChainDetail;
	transitions: TransitionView[];
	/** The transitions `bridge` would add: each predecessor to each successor not yet joined. */
	bridges: { fromTitle: string; toTitle: string }[];
	frictionReports: number;
	findings: number;
}

function bridgesOf(chain: ChainDetail, stageId: number) {
	const predecessors = chain.transitions.filter((t) => t.toStageId === stageId);
	const successors = chain.transitions.filter((t) => t.fromStageId === stageId);
	const joined = new Set(chain.transitions.map((t) => `${t.fromStageId}>${t.toStageId}`));
	return predecessors.flatMap((before) =>
		successors
			.filter((after) => !joined.has(`${before.fromStageId}>${after.toStageId}`))
			.map((after) => ({
				from: before.fromStageId,
				to: after.toStageId,
				fromTitle: before.fromTitle,
				toTitle: after.toTitle
			}))
	);
}

export async function previewStageDeletion(
	db: Db,
	actor: ChainEditor,
	stageId: number
): Promise<StageDeletionPreview> {
	const [stage, chain] = await stageInChain(db, stageId);
	authorizeOnChains(actor, 'manage', chain.districtId);
	const transitions = chain.transitions.filter(
		(t) => t.fromStageId === stageId || t.toStageId === stageId
	);
	const ids = transitions.map((t) => t.id);
	return {
		stage,
		chain,
		transitions,
		bridges: bridgesOf(chain, stageId).map(({ fromTitle, toTitle }) => ({ fromTitle, toTitle })),
		frictionReports: await countFrictionReports(db, ids),
		findings: await countFindingsAbout(db, stageId, ids)
	};
}

/**
 * Deletes a stage as the coordinator chose: its transitions bridged (each predecessor joined to
 * each successor, undocumented) or dropped with their friction reports; review findings about it
 * kept under the stage's name or dropped.
 */
export async function deleteStage(
	db: Kysely<DB>,
	actor: ChainEditor,
	stageId: number,
	input: StageDeletion,
	now = new Date()
): Promise<void> {
	const [stage, chain] = await stageInChain(db, stageId);
	authorizeOnChains(actor, 'manage', chain.districtId);
	const choice = parseChainInput(stageDeletionSchema, input);
	const transitionIds = chain.transitions
		.filter((t) => t.fromStageId === stageId || t.toStageId === stageId)
		.map((t) => t.id);
	await inTransaction(db, async (trx) => {
		const at = now.toISOString();
		if (choice.findings === 'drop') await deleteFindingsAbout(trx, stageId, transitionIds);
		if (choice.transitions === 'bridge')
			for (const bridge of bridgesOf(chain, stageId))
				await insertUndocumentedTransition(trx, chain.id, bridge.from, bridge.to, at);
		await deleteStageRow(trx, stageId);
		await deleteAllTranslations(trx, 'chain_stage', stageId);
		await auditChains(
			trx,
			actor,
			chain.districtId,
			{
				action: 'chain.stage.delete',
				entity: 'chain_stage',
				entityId: stageId,
				before: stage,
				after: choice
			},
			now
		);
	});
}
