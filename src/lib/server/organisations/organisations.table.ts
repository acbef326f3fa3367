import type { Generated } from 'kysely';

export interface OrganisationsTable {
	id: Generated<number>;
	districtId: number;
	slug: string;
	name: string;
	kind: string;
	email: string | null;
	phone: string | null;
	website: string | null;
	street: string | null;
	postcode: string | null;
	placeId: number | null;
	createdAt: string;
	updatedAt: string;
}

export interface ContactPersonsTable {
	id: Generated<number>;
	organisationId: number;
	name: string;
	role: string;
	email: string | null;
	phone: string | null;
	room: string | null;
	/** Comma-separated ISO 639-1 codes. */
	languages: Generated<string>;
	position: Generated<number>;
}
