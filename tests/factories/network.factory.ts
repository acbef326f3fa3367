import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import { NETWORK_PURPOSE } from '../../src/lib/server/directory/directory-access.js';
import type { MemberRole } from '../../src/lib/server/networks/networks.table.js';
import {
	insertMember,
	insertNetwork,
	replaceActionFields
} from '../../src/lib/server/networks/networks.repository.js';

let sequence = 0;
const stamp = () => new Date().toISOString();

/** A person of the contact directory; a unique e-mail unless one is given (null for none). */
export async function createTestContact(
	db: Kysely<DB>,
	overrides: {
		districtId: number;
		name?: string;
		email?: string | null;
		organisationId?: number | null;
	}
): Promise<{ id: number; email: string | null; name: string }> {
	sequence++;
	const name = overrides.name ?? `Kontakt ${sequence}`;
	const email = overrides.email === undefined ? `kontakt${sequence}@example.org` : overrides.email;
	const row = await db
		.insertInto('contacts')
		.values({
			districtId: overrides.districtId,
			organisationId: overrides.organisationId ?? null,
			name,
			roleTitle: null,
			email,
			phone: null,
			notes: null,
			createdAt: stamp(),
			updatedAt: stamp(),
			anonymisedAt: null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id: row.id, email, name };
}

/** The `network_work` processing purpose of a district (created once). */
export async function networkPurpose(db: Kysely<DB>, districtId: number): Promise<number> {
	const existing = await db
		.selectFrom('processingPurposes')
		.select('id')
		.where('districtId', '=', districtId)
		.where('key', '=', NETWORK_PURPOSE)
		.executeTakeFirst();
	if (existing) return existing.id;
	const row = await db
		.insertInto('processingPurposes')
		.values({
			districtId,
			key: NETWORK_PURPOSE,
			name: 'Netzwerkarbeit',
			description: 'Einladungen und Protokolle der Netzwerke',
			legalBasis: 'Art. 6 Abs. 1 lit. a DSGVO',
			dataCategories: 'Name, E-Mail',
			retention: 'bis zum Widerruf',
			createdAt: stamp(),
			updatedAt: stamp()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** Records that a person agreed to be contacted for network work (or withdrew, with `withdrawnOn`). */
export async function giveNetworkConsent(
	db: Kysely<DB>,
	districtId: number,
	contactId: number,
	withdrawnOn: string | null = null
): Promise<void> {
	await db
		.insertInto('contactConsents')
		.values({
			contactId,
			purposeId: await networkPurpose(db, districtId),
			givenOn: '2026-01-15',
			source: 'written',
			withdrawnOn,
			recordedBy: null,
			recordedAt: stamp()
		})
		.execute();
}

export interface TestMember {
	organisationId?: number;
	contactId?: number;
	role?: MemberRole;
	joinedOn?: string;
}

/** A network with action fields and members, written directly (no access check, no audit). */
export async function createTestNetwork(
	db: Kysely<DB>,
	overrides: {
		districtId: number;
		name?: string;
		actionFields?: string[];
		members?: TestMember[];
	}
): Promise<number> {
	sequence++;
	const id = await insertNetwork(db, {
		districtId: overrides.districtId,
		slug: `netzwerk-${sequence}-${Math.random().toString(36).slice(2, 8)}`,
		name: overrides.name ?? `Netzwerk ${sequence}`,
		description: '',
		coordinatingOrganisationId: null,
		createdAt: stamp()
	});
	await replaceActionFields(db, id, overrides.actionFields ?? ['language']);
	for (const member of overrides.members ?? [])
		await insertMember(db, {
			networkId: id,
			organisationId: member.organisationId ?? null,
			contactId: member.contactId ?? null,
			role: member.role ?? 'member',
			joinedOn: member.joinedOn ?? '2026-01-01'
		});
	return id;
}
