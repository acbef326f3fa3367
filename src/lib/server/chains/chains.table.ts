import type { Generated } from 'kysely';

/** Tables of the chains context (migration 0012). Days are `YYYY-MM-DD`; flags are 0 or 1. */

export interface ChainsTable {
	id: Generated<number>;
	districtId: number;
	slug: string;
	/** The office's name for the chain, e.g. "Sprache bis Arbeit". */
	title: string;
	/** The portal's heading, e.g. "Ihr Weg zum Deutschkurs". */
	publicTitle: string;
	introduction: Generated<string>;
	isPublic: Generated<number>;
	createdAt: string;
	updatedAt: string;
}

export interface ChainActionFieldsTable {
	chainId: number;
	actionField: string;
}

export interface ChainStagesTable {
	id: Generated<number>;
	chainId: number;
	position: number;
	title: string;
	/** What a person has reached after the stage, in plain words. */
	achieves: Generated<string>;
	isOptional: Generated<number>;
	/** JSON of `StageRules` (chains.schema.ts). */
	rules: string;
	reachKm: number;
	onlineCounts: Generated<number>;
	createdAt: string;
	updatedAt: string;
}

export const STAGE_OFFER_MODES = ['include', 'exclude'] as const;
export type StageOfferMode = (typeof STAGE_OFFER_MODES)[number];

export interface ChainStageOffersTable {
	stageId: number;
	offerId: number;
	mode: StageOfferMode;
}

export const TRANSITION_STATES = ['works', 'friction', 'missing'] as const;
export type TransitionState = (typeof TRANSITION_STATES)[number];

export interface ChainTransitionsTable {
	id: Generated<number>;
	chainId: number;
	fromStageId: number;
	toStageId: number;
	/** Who refers whom, and how. */
	referral: Generated<string>;
	/** The referral agreement or form (text or link). */
	agreement: Generated<string>;
	fromOrganisationId: number | null;
	toOrganisationId: number | null;
	fromContact: Generated<string>;
	toContact: Generated<string>;
	waitingWeeks: number | null;
	state: TransitionState;
	reviewedOn: string | null;
	createdAt: string;
	updatedAt: string;
}

export interface ChainFrictionReportsTable {
	id: Generated<number>;
	transitionId: number;
	organisationId: number | null;
	reportedBy: number | null;
	body: string;
	waitingWeeks: number | null;
	createdAt: string;
	acknowledgedAt: string | null;
	acknowledgedBy: number | null;
}

export interface ChainReviewsTable {
	id: Generated<number>;
	chainId: number;
	meetingId: number;
	summary: Generated<string>;
	createdBy: number | null;
	createdAt: string;
}

export interface ChainReviewFindingsTable {
	id: Generated<number>;
	reviewId: number;
	stageId: number | null;
	transitionId: number | null;
	/** The stage's or transition's name when the finding was written. */
	subject: string;
	/** For a transition: the state the review found. */
	state: TransitionState | null;
	text: string;
}

export interface ChainReviewDecisionsTable {
	reviewId: number;
	decisionId: number;
	/** The follow-up task the decision became (migration 0014). */
	taskId: Generated<number | null>;
}
