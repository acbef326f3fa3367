import type { Generated } from 'kysely';

export const REVISION_STATES = ['draft', 'submitted', 'changes_requested', 'approved'] as const;
export type RevisionState = (typeof REVISION_STATES)[number];

export interface OfferRevisionsTable {
	id: Generated<number>;
	offerId: number;
	/** 1, 2, … per offer. */
	number: number;
	state: RevisionState;
	/** OfferContent as JSON. */
	content: string;
	reviewComment: string | null;
	authorId: number | null;
	reviewerId: number | null;
	createdAt: string;
	updatedAt: string;
	submittedAt: string | null;
	reviewedAt: string | null;
}
