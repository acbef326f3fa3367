import type { Generated } from 'kysely';

export interface PagesTable {
	id: Generated<number>;
	districtId: number;
	organisationId: number | null;
	slug: string;
	title: string;
	summary: string;
	body: string;
	updatedAt: string;
}
