import { stageRulesSchema, type StageRules } from './chains.schema.js';
import type { ChainRow, StageRow, TransitionRow } from './chains.repository.js';
import type { StageOfferMode, TransitionState } from './chains.table.js';
import { stepsOf } from './chain-graph.js';

/** Chains as the services return them: plain objects, never rows. */

export interface StageView {
	id: number;
	chainId: number;
	title: string;
	achieves: string;
	isOptional: boolean;
	rules: StageRules;
	reachKm: number;
	onlineCounts: boolean;
	/** 1 for a first stage; stages side by side on branches share a step. */
	step: number;
	/** The stages this one follows (its predecessors). */
	follows: number[];
	includedOfferIds: number[];
	excludedOfferIds: number[];
	updatedAt: string;
}

export interface TransitionView {
	id: number;
	chainId: number;
	fromStageId: number;
	toStageId: number;
	fromTitle: string;
	toTitle: string;
	referral: string;
	agreement: string;
	fromOrganisationId: number | null;
	fromOrganisationName: string | null;
	toOrganisationId: number | null;
	toOrganisationName: string | null;
	fromContact: string;
	toContact: string;
	waitingWeeks: number | null;
	state: TransitionState;
	reviewedOn: string | null;
}

export interface ChainSummary {
	id: number;
	districtId: number;
	slug: string;
	title: string;
	publicTitle: string;
	introduction: string;
	isPublic: boolean;
	actionFields: string[];
	updatedAt: string;
}

export interface ChainDetail extends ChainSummary {
	/** In step order, then position. */
	stages: StageView[];
	transitions: TransitionView[];
}

export function toChainSummary(row: ChainRow, actionFields: string[]): ChainSummary {
	return {
		id: row.id,
		districtId: row.districtId,
		slug: row.slug,
		title: row.title,
		publicTitle: row.publicTitle,
		introduction: row.introduction,
		isPublic: row.isPublic === 1,
		actionFields,
		updatedAt: row.updatedAt
	};
}

/** Stored rules are re-read through the schema, so a rule added later gets its default. */
export const parseRules = (json: string): StageRules => stageRulesSchema.parse(JSON.parse(json));

export function toChainDetail(
	summary: ChainSummary,
	stageRows: StageRow[],
	transitionRows: TransitionRow[],
	manualOffers: { stageId: number; offerId: number; mode: StageOfferMode }[]
): ChainDetail {
	const edges = transitionRows.map((row) => ({ from: row.fromStageId, to: row.toStageId }));
	const steps = stepsOf(
		stageRows.map((row) => row.id),
		edges
	);
	const titles = new Map(stageRows.map((row) => [row.id, row.title]));
	const offersOf = (stageId: number, mode: StageOfferMode) =>
		manualOffers
			.filter((offer) => offer.stageId === stageId && offer.mode === mode)
			.map((offer) => offer.offerId);
	const stages = stageRows
		.map((row): StageView => ({
			id: row.id,
			chainId: row.chainId,
			title: row.title,
			achieves: row.achieves,
			isOptional: row.isOptional === 1,
			rules: parseRules(row.rules),
			reachKm: row.reachKm,
			onlineCounts: row.onlineCounts === 1,
			step: steps.get(row.id) ?? 1,
			follows: edges.filter((edge) => edge.to === row.id).map((edge) => edge.from),
			includedOfferIds: offersOf(row.id, 'include'),
			excludedOfferIds: offersOf(row.id, 'exclude'),
			updatedAt: row.updatedAt
		}))
		.sort((a, b) => a.step - b.step);
	const transitions = transitionRows.map((row): TransitionView => ({
		id: row.id,
		chainId: row.chainId,
		fromStageId: row.fromStageId,
		toStageId: row.toStageId,
		fromTitle: titles.get(row.fromStageId) ?? '',
		toTitle: titles.get(row.toStageId) ?? '',
		referral: row.referral,
		agreement: row.agreement,
		fromOrganisationId: row.fromOrganisationId,
		fromOrganisationName: row.fromOrganisationName,
		toOrganisationId: row.toOrganisationId,
		toOrganisationName: row.toOrganisationName,
		fromContact: row.fromContact,
		toContact: row.toContact,
		waitingWeeks: row.waitingWeeks,
		state: row.state,
		reviewedOn: row.reviewedOn
	}));
	return { ...summary, stages, transitions };
}
