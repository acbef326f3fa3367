import type { Generated } from 'kysely';

/** Tables of the directory context (migration 0006). Wall-clock times are Europe/Berlin. */

export interface ProcessingPurposesTable {
	id: Generated<number>;
	districtId: number;
	key: string;
	name: string;
	description: string;
	legalBasis: string;
	dataCategories: string;
	retention: string;
	createdAt: string;
	updatedAt: string;
}

export interface ContactsTable {
	id: Generated<number>;
	districtId: number;
	organisationId: number | null;
	name: string;
	roleTitle: string | null;
	email: string | null;
	phone: string | null;
	/** Comma-separated ISO 639-1 codes. */
	languages: Generated<string>;
	/** Comma-separated action-field codes. */
	actionFields: Generated<string>;
	notes: string | null;
	createdAt: string;
	updatedAt: string;
	anonymisedAt: string | null;
}

export interface ContactConsentsTable {
	id: Generated<number>;
	contactId: number;
	purposeId: number;
	givenOn: string;
	/** How consent was given: written, email, oral, … */
	source: string;
	withdrawnOn: string | null;
	recordedBy: number | null;
	recordedAt: string;
}
