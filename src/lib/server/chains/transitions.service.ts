import type { Kysely } from 'kysely';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import {
	districtOrganisationNames,
	findOrganisationDistrict
} from '../organisations/organisations.service.js';
import { listDistricts } from '../places/places.service.js';
import { authorizeOnChains, type ChainEditor } from './chain-access.js';
import { auditChains } from './chain-audit.js';
import { findCycle } from './chain-graph.js';
import type { ChainDetail, TransitionView } from './chain-views.js';
import { ChainValidationError, TransitionNotFoundError, type ChainIssue } from './chains.errors.js';
import {
	deleteTransitionRows,
	findStageRow,
	findTransitionChainId,
	insertTransitionRow,
	updateTransitionRow
} from './chains.repository.js';
import { parseChainInput, transitionInputSchema, type TransitionInput } from './chains.schema.js';
import { loadChain } from './chains.service.js';

/** The interfaces (Schnittstellen) between stages: how a person is handed over, and how well. */

/** The hand-over as documented; the stages a transition joins are fixed once it exists. */
export const handOverSchema = transitionInputSchema.omit({ fromStageId: true, toStageId: true });
export type HandOverInput = Omit<TransitionInput, 'fromStageId' | 'toStageId'>;

/**
 * The organisations on either side exist; they may sit across the district border, as the
 * recognition counselling or the chamber a rural district hands over to often do.
 */
async function organisationIssues(db: Db, input: HandOverInput): Promise<ChainIssue[]> {
	const issues: ChainIssue[] = [];
	for (const side of ['fromOrganisationId', 'toOrganisationId'] as const) {
		const id = input[side];
		if (id !== null && (await findOrganisationDistrict(db, id)) === undefined)
			issues.push({ path: side, code: 'unknown' });
	}
	return issues;
}

export interface OrganisationGroup {
	districtName: string;
	organisations: { id: number; name: string }[];
}

/**
 * The organisations a hand-over may name, by district: the chain's own first, then those of the
 * installation's other districts, its neighbours, so a form keeps one across the border.
 */
export async function handOverOrganisationChoices(
	db: Kysely<DB>,
	districtId: number
): Promise<OrganisationGroup[]> {
	const districts = (await listDistricts(db)).sort(
		(a, b) => Number(b.id === districtId) - Number(a.id === districtId)
	);
	const groups = await Promise.all(
		districts.map(async (district) => ({
			districtName: district.name,
			organisations: await districtOrganisationNames(db, district.id)
		}))
	);
	return groups.filter((group) => group.organisations.length > 0);
}

const columnsOf = (input: HandOverInput) => ({
	referral: input.referral,
	agreement: input.agreement,
	fromOrganisationId: input.fromOrganisationId,
	toOrganisationId: input.toOrganisationId,
	fromContact: input.fromContact,
	toContact: input.toContact,
	waitingWeeks: input.waitingWeeks,
	state: input.state,
	reviewedOn: input.reviewedOn
});

/** A transition between two stages of the chain: no stage of another chain, no cycle, no twin. */
export async function createTransition(
	db: Kysely<DB>,
	actor: ChainEditor,
	chainId: number,
	input: TransitionInput,
	now = new Date()
): Promise<number> {
	const chain = await loadChain(db, chainId);
	authorizeOnChains(actor, 'manage', chain.districtId);
	const transition = parseChainInput(transitionInputSchema, input);
	const issues = [
		...(await pairIssues(db, chain, transition.fromStageId, transition.toStageId)),
		...(await organisationIssues(db, transition))
	];
	if (issues.length) throw new ChainValidationError(issues);
	return inTransaction(db, async (trx) => {
		const at = now.toISOString();
		const id = await insertTransitionRow(trx, {
			chainId,
			fromStageId: transition.fromStageId,
			toStageId: transition.toStageId,
			...columnsOf(transition),
			createdAt: at,
			updatedAt: at
		});
		await auditChains(
			trx,
			actor,
			chain.districtId,
			{
				action: 'chain.transition.create',
				entity: 'chain_transition',
				entityId: id,
				after: transition
			},
			now
		);
		return id;
	});
}

async function pairIssues(
	db: Db,
	chain: ChainDetail,
	fromStageId: number,
	toStageId: number
): Promise<ChainIssue[]> {
	const issues: ChainIssue[] = [];
	for (const [path, stageId] of [
		['fromStageId', fromStageId],
		['toStageId', toStageId]
	] as const) {
		const stage = await findStageRow(db, stageId);
		if (!stage) issues.push({ path, code: 'unknown' });
		else if (stage.chainId !== chain.id) issues.push({ path, code: 'other_chain' });
	}
	if (issues.length) return issues;
	if (fromStageId === toStageId) return [{ path: 'toStageId', code: 'self' }];
	const edges = chain.transitions.map((t) => ({ from: t.fromStageId, to: t.toStageId }));
	if (edges.some((edge) => edge.from === fromStageId && edge.to === toStageId))
		return [{ path: 'toStageId', code: 'duplicate' }];
	const titles = new Map(chain.stages.map((stage) => [stage.id, stage.title]));
	const cycle = findCycle([...titles.keys()], [...edges, { from: fromStageId, to: toStageId }]);
	return cycle
		? [
				{
					path: 'toStageId',
					code: 'cycle',
					params: { stages: cycle.map((id) => titles.get(id) ?? '…').join(' → ') }
				}
			]
		: [];
}

/** A transition with its chain, for a change to it. */
export async function getTransition(
	db: Db,
	transitionId: number
): Promise<[TransitionView, ChainDetail]> {
	const chainId = await chainOfTransition(db, transitionId);
	const chain = await loadChain(db, chainId);
	return [chain.transitions.find((t) => t.id === transitionId)!, chain];
}

async function chainOfTransition(db: Db, transitionId: number): Promise<number> {
	const chainId = await findTransitionChainId(db, transitionId);
	if (chainId === undefined) throw new TransitionNotFoundError(transitionId);
	return chainId;
}

/** Documents the hand-over at a transition: who refers whom, agreement, contacts, waiting, state. */
export async function updateHandOver(
	db: Kysely<DB>,
	actor: ChainEditor,
	transitionId: number,
	input: HandOverInput,
	now = new Date()
): Promise<void> {
	const [before, chain] = await getTransition(db, transitionId);
	authorizeOnChains(actor, 'manage', chain.districtId);
	const handOver = parseChainInput(handOverSchema, input);
	const issues = await organisationIssues(db, handOver);
	if (issues.length) throw new ChainValidationError(issues);
	await inTransaction(db, async (trx) => {
		await updateTransitionRow(trx, transitionId, {
			...columnsOf(handOver),
			updatedAt: now.toISOString()
		});
		await auditChains(
			trx,
			actor,
			chain.districtId,
			{
				action: 'chain.transition.update',
				entity: 'chain_transition',
				entityId: transitionId,
				before,
				after: handOver
			},
			now
		);
	});
}

/** Deletes a transition with its friction reports (the page asks first and says how many). */
export async function deleteTransition(
	db: Kysely<DB>,
	actor: ChainEditor,
	transitionId: number,
	now = new Date()
): Promise<void> {
	const [before, chain] = await getTransition(db, transitionId);
	authorizeOnChains(actor, 'manage', chain.districtId);
	await inTransaction(db, async (trx) => {
		await deleteTransitionRows(trx, [transitionId]);
		await auditChains(
			trx,
			actor,
			chain.districtId,
			{
				action: 'chain.transition.delete',
				entity: 'chain_transition',
				entityId: transitionId,
				before
			},
			now
		);
	});
}
