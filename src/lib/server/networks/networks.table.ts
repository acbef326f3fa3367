import type { Generated } from 'kysely';

/** Tables of the networks context (migration 0006). Wall-clock times are Europe/Berlin. */

export interface NetworksTable {
	id: Generated<number>;
	districtId: number;
	slug: string;
	name: string;
	description: Generated<string>;
	coordinatingOrganisationId: number | null;
	createdAt: string;
	updatedAt: string;
	archivedAt: string | null;
}

export interface NetworkActionFieldsTable {
	networkId: number;
	actionField: string;
}

export const MEMBER_ROLES = ['speaker', 'member', 'guest'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Exactly one of organisationId and contactId is set. */
export interface NetworkMembersTable {
	id: Generated<number>;
	networkId: number;
	organisationId: number | null;
	contactId: number | null;
	role: MemberRole;
	joinedOn: string;
	leftOn: string | null;
}
