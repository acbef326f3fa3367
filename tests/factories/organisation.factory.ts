import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import type { OrganisationInput } from '../../src/lib/server/organisations/organisations.schema.js';
import { createOrganisation as createInService } from '../../src/lib/server/organisations/organisations.service.js';
import { factoryEditor } from './account.factory.js';

let sequence = 0;

/** An organisation (Träger) of the district, created by its administrator through the service. */
export async function createOrganisation(
	db: Kysely<DB>,
	overrides: Partial<OrganisationInput> & { districtId: number }
): Promise<number> {
	sequence++;
	const { districtId, ...profile } = overrides;
	return createInService(db, await factoryEditor(db, districtId), {
		name: `Träger ${sequence}`,
		kind: 'provider',
		...profile
	});
}
