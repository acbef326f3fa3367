import type { Generated } from 'kysely';

/** Calls for candidates and their applications (migration 0016). Days are `YYYY-MM-DD`. */

export const CALL_STATUSES = ['draft', 'open', 'closed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export interface CommitteeCallsTable {
	id: Generated<number>;
	committeeId: number;
	/** Null: the call is for the committee, no particular term. */
	termId: number | null;
	slug: string;
	title: string;
	text: string;
	seatsSought: number;
	/** Who may apply, in plain words. */
	eligibility: Generated<string>;
	/** The last day to apply; the call closes at the end of it, Europe/Berlin. */
	deadline: string;
	status: CallStatus;
	createdAt: string;
	updatedAt: string;
}

export const APPLICATION_STATUSES = ['new', 'in_review', 'accepted', 'declined'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface CommitteeApplicationsTable {
	id: Generated<number>;
	callId: number;
	/** The directory contact created from the form, with the consent the applicant gave. */
	contactId: number;
	/** The applicant's municipality, when they named one. */
	placeId: number | null;
	message: string;
	/** ISO UTC. */
	receivedAt: string;
	status: ApplicationStatus;
	updatedAt: string;
}
