import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import { insertOrganisation } from '../../src/lib/server/organisations/organisations.repository.js';

let sequence = 0;

export async function createOrganisation(
	db: Kysely<DB>,
	overrides: {
		districtId: number;
		name?: string;
		placeId?: number | null;
		kind?: string;
		email?: string | null;
	}
): Promise<number> {
	sequence++;
	const now = new Date().toISOString();
	return insertOrganisation(db, {
		districtId: overrides.districtId,
		slug: `org-${sequence}-${Math.random().toString(36).slice(2, 8)}`,
		name: overrides.name ?? `Träger ${sequence}`,
		kind: overrides.kind ?? 'provider',
		email: overrides.email ?? null,
		phone: null,
		website: null,
		street: null,
		postcode: null,
		placeId: overrides.placeId ?? null,
		createdAt: now,
		updatedAt: now
	});
}
