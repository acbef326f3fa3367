import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import { recordConsent, withdrawConsent } from '../../src/lib/server/directory/consents.service.js';
import { createContact } from '../../src/lib/server/directory/contacts.service.js';
import { NETWORK_PURPOSE } from '../../src/lib/server/directory/directory-access.js';
import { erasePerson } from '../../src/lib/server/directory/erasure.service.js';
import { listPurposes } from '../../src/lib/server/directory/purposes.service.js';
import { factoryEditor } from './account.factory.js';

/**
 * The one way tests make a person of the contact directory and their consents: through the
 * directory's services, as the district's administrator (validated and audited).
 */
let sequence = 0;

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
	/** Already erased (Art. 17 DSGVO): created, then erased, so the consents go with the data. */
	anonymised?: boolean;
	/** Agreed to network work (or agreed and withdrew). */
	networkConsent?: boolean | 'withdrawn';
}

/** A person in the contact directory; returns the contact id. */
export async function createTestContact(db: Kysely<DB>, contact: TestContact): Promise<number> {
	sequence++;
	const editor = await factoryEditor(db, contact.districtId);
	const id = await createContact(db, editor, {
		name: contact.name ?? `Kontakt ${sequence}`,
		organisationId: contact.organisationId ?? null,
		roleTitle: contact.roleTitle ?? null,
		email: contact.email === undefined ? `kontakt${sequence}@test.example` : contact.email,
		phone: contact.phone ?? null,
		languages: contact.languages ?? [],
		actionFields: contact.actionFields ?? [],
		notes: contact.notes ?? null
	});
	if (contact.networkConsent)
		await giveConsent(db, contact.districtId, id, {
			withdrawnOn: contact.networkConsent === 'withdrawn' ? '2026-03-01' : null
		});
	if (contact.anonymised) await erasePerson(db, editor, id);
	return id;
}

/** A consent for one of the district's default purposes (network_work unless named). */
export async function giveConsent(
	db: Kysely<DB>,
	districtId: number,
	contactId: number,
	options: { purpose?: string; givenOn?: string; withdrawnOn?: string | null } = {}
): Promise<number> {
	const editor = await factoryEditor(db, districtId);
	const key = options.purpose ?? NETWORK_PURPOSE;
	const purpose = (await listPurposes(db, editor)).find((entry) => entry.key === key);
	if (!purpose) throw new Error(`no purpose ${key} in district ${districtId}`);
	const id = await recordConsent(db, editor, contactId, {
		purposeId: purpose.id,
		givenOn: options.givenOn ?? '2026-01-15',
		source: 'written'
	});
	if (options.withdrawnOn)
		await withdrawConsent(db, editor, id, { withdrawnOn: options.withdrawnOn });
	return id;
}
