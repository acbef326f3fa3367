import type { Generated } from 'kysely';

/** Tables of the committees context (migration 0015). Days are `YYYY-MM-DD`; flags are 0 or 1. */

export const COMMITTEE_TYPES = [
	'district_council_committee',
	'integration_advisory_board',
	'seniors_board',
	'youth_board',
	'school_parents_council',
	'association_board',
	'municipal_council',
	'other'
] as const;
export type CommitteeType = (typeof COMMITTEE_TYPES)[number];

export interface CommitteesTable {
	id: Generated<number>;
	districtId: number;
	slug: string;
	name: string;
	type: CommitteeType;
	/** The body the committee belongs to, e.g. "Kreistag Landkreis Musterland". */
	body: Generated<string>;
	/** The organisation whose board or council it is; its partner editors see the committee. */
	organisationId: number | null;
	seats: number;
	/** In plain words, e.g. "monthly, Tuesdays 18:00". */
	meetingRhythm: Generated<string>;
	/** A directory contact, or else `contactText`. */
	contactId: number | null;
	contactText: Generated<string>;
	description: Generated<string>;
	isPublic: Generated<number>;
	createdAt: string;
	updatedAt: string;
}

export interface CommitteeTermsTable {
	id: Generated<number>;
	committeeId: number;
	startsOn: string;
	/** Null: until further notice. */
	endsOn: string | null;
	/** Null: the committee's seats. */
	seats: number | null;
	createdAt: string;
	updatedAt: string;
}

export const MEMBER_ROLES = ['chair', 'deputy_chair', 'member', 'substitute', 'advisory'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface CommitteeMembersTable {
	id: Generated<number>;
	termId: number;
	contactId: number;
	role: MemberRole;
	/** Null: from the term's start. */
	fromOn: string | null;
	/** Null: to the term's end. */
	toOn: string | null;
	createdAt: string;
	updatedAt: string;
}

/** Anonymous, self-declared counts of the members who answered; never linked to a member. */
export interface CommitteeFiguresTable {
	id: Generated<number>;
	termId: number;
	recordedOn: string;
	answered: number;
	/** Own or a parent's migration history. */
	migrationHistory: number;
	women: number;
	men: number;
	diverse: number;
	genderNotStated: number;
	recordedBy: number | null;
	createdAt: string;
	updatedAt: string;
}

export const COMMITTEE_OFFER_KINDS = ['training', 'mentoring'] as const;
export type CommitteeOfferKind = (typeof COMMITTEE_OFFER_KINDS)[number];

export interface CommitteeOffersTable {
	committeeId: number;
	offerId: number;
	kind: CommitteeOfferKind;
}
