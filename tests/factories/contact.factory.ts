import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import { insertConsentRow } from '../../src/lib/server/directory/consents.repository.js';
import { insertContactRow } from '../../src/lib/server/directory/contacts.repository.js';
import { listPurposeRows } from '../../src/lib/server/directory/purposes.repository.js';
import { ensureDefaultPurposes } from '../../src/lib/server/directory/purposes.service.js';
import { NETWORK_PURPOSE } from '../../src/lib/server/directory/directory-access.js';

/**
 * The one way tests make a person of the contact directory and their consents: through the
 * directory's own write path (rows as the service writes them, without rights or audit).
 */
let sequence = 0;
const stamp = () => new Date().toISOString();

export interface TestContact {
	districtId: number;
	name?: string;
	organisationId?: number | null;
	roleTitle?: string | null;
	/** A unique e-mail unless one is given (null for none). */
	email?: string | null;
	phone?: string | null;
	languages?: string[];
	actionFields?: string[];
	notes?: string | null;
	/** Already erased (Art. 17 DSGVO). */
	anonymised?: boolean;
	/** Agreed to network work (or agreed and withdrew). */
	networkConsent?: boolean | 'withdrawn';
}

/** A person in the contact directory; returns the contact id. */
export async function createTestContact(db: Kysely<DB>, contact: TestContact): Promise<number> {
	sequence++;
	const id = await insertContactRow(db, {
		districtId: contact.districtId,
		organisationId: contact.organisationId ?? null,
		name: contact.name ?? `Kontakt ${sequence}`,
		roleTitle: contact.roleTitle ?? null,
		email: contact.email === undefined ? `kontakt${sequence}@test.example` : contact.email,
		phone: contact.phone ?? null,
		languages: (contact.languages ?? []).join(','),
		actionFields: (contact.actionFields ?? []).join(','),
		notes: contact.notes ?? null,
		createdAt: stamp(),
		updatedAt: stamp(),
		anonymisedAt: contact.anonymised ? stamp() : null
	});
	if (contact.networkConsent)
		await giveConsent(db, contact.districtId, id, {
			withdrawnOn: contact.networkConsent === 'withdrawn' ? '2026-03-01' : null
		});
	return id;
}

/** A consent for one of the district's default purposes (network_work unless named). */
export async function giveConsent(
	db: Kysely<DB>,
	districtId: number,
	contactId: number,
	options: { purpose?: string; givenOn?: string; withdrawnOn?: string | null } = {}
): Promise<number> {
	await ensureDefaultPurposes(db, districtId);
	const key = options.purpose ?? NETWORK_PURPOSE;
	const purpose = (await listPurposeRows(db, districtId)).find((row) => row.key === key);
	if (!purpose) throw new Error(`no purpose ${key} in district ${districtId}`);
	return insertConsentRow(db, {
		contactId,
		purposeId: purpose.id,
		givenOn: options.givenOn ?? '2026-01-15',
		source: 'written',
		withdrawnOn: options.withdrawnOn ?? null,
		recordedBy: null,
		recordedAt: stamp()
	});
}
