import type { Kysely } from 'kysely';
import type { Role } from '../../src/lib/server/accounts/authorization.js';
import type { DB } from '../../src/lib/server/db/schema.js';
import { createTestAccount, type TestActor } from '../factories/account.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces, type TestPlaces } from '../factories/place.factory.js';

/** An account of the district with the test password, and the actor it signs in as. */
export async function createTestActor(
	db: Kysely<DB>,
	districtId: number,
	role: Role,
	organisationIds: number[] = []
): Promise<{ actor: TestActor; email: string }> {
	const { id, email } = await createTestAccount(db, { districtId, role, organisationIds });
	return { actor: { id, role, districtId, organisationIds }, email };
}

export interface DistrictWithPartners {
	places: TestPlaces;
	/** Kreis Schleswig-Flensburg. */
	districtId: number;
	/** Volkshochschule Kappeln and AWO Kreisverband, the district's two partner organisations. */
	vhs: number;
	awo: number;
	/** Adds staff: an account with the role (in the district unless another is named). */
	staff: (role: Role, organisationIds?: number[], districtId?: number) => Promise<TestActor>;
}

/**
 * The world the network, meeting, minutes and board tests share: the two demo districts with
 * their places, and in Schleswig-Flensburg the VHS and the AWO as partner organisations.
 */
export async function districtWithPartners(db: Kysely<DB>): Promise<DistrictWithPartners> {
	const places = await createDistrictsAndPlaces(db);
	const districtId = places.districts.schleswigFlensburg;
	const vhs = await createOrganisation(db, { districtId, name: 'Volkshochschule Kappeln' });
	const awo = await createOrganisation(db, { districtId, name: 'AWO Kreisverband' });
	return {
		places,
		districtId,
		vhs,
		awo,
		staff: async (role, organisationIds = [], district = districtId) =>
			(await createTestActor(db, district, role, organisationIds)).actor
	};
}
