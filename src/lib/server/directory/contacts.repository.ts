import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/schema.js';
import type { ContactsTable } from './directory.table.js';

export interface ContactRow {
	id: number;
	districtId: number;
	organisationId: number | null;
	organisationName: string | null;
	name: string;
	roleTitle: string | null;
	email: string | null;
	phone: string | null;
	languages: string;
	actionFields: string;
	notes: string | null;
	createdAt: string;
	updatedAt: string;
	anonymisedAt: string | null;
}

const selectContacts = (db: Db) =>
	db
		.selectFrom('contacts')
		.leftJoin('organisations', 'organisations.id', 'contacts.organisationId')
		.select([
			'contacts.id',
			'contacts.districtId',
			'contacts.organisationId',
			'organisations.name as organisationName',
			'contacts.name',
			'contacts.roleTitle',
			'contacts.email',
			'contacts.phone',
			'contacts.languages',
			'contacts.actionFields',
			'contacts.notes',
			'contacts.createdAt',
			'contacts.updatedAt',
			'contacts.anonymisedAt'
		]);

/** The people of a district who have not been erased, by name. */
export async function listContactRows(db: Db, districtId: number): Promise<ContactRow[]> {
	return selectContacts(db)
		.where('contacts.districtId', '=', districtId)
		.where('contacts.anonymisedAt', 'is', null)
		.orderBy('contacts.name')
		.orderBy('contacts.id')
		.execute();
}

export async function findContactRow(db: Db, id: number): Promise<ContactRow | undefined> {
	return selectContacts(db).where('contacts.id', '=', id).executeTakeFirst();
}

export async function insertContactRow(db: Db, row: Insertable<ContactsTable>): Promise<number> {
	return (await db.insertInto('contacts').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateContactRow(
	db: Db,
	id: number,
	changes: Updateable<ContactsTable>
): Promise<void> {
	await db.updateTable('contacts').set(changes).where('id', '=', id).execute();
}

/** Purpose keys each person currently consents to (given and not withdrawn). */
export async function activeConsentKeys(
	db: Db,
	contactIds: readonly number[]
): Promise<Map<number, string[]>> {
	const keys = new Map<number, string[]>();
	if (contactIds.length === 0) return keys;
	const rows = await db
		.selectFrom('contactConsents')
		.innerJoin('processingPurposes', 'processingPurposes.id', 'contactConsents.purposeId')
		.select(['contactConsents.contactId', 'processingPurposes.key'])
		.where('contactConsents.contactId', 'in', [...contactIds])
		.where('contactConsents.withdrawnOn', 'is', null)
		.execute();
	for (const row of rows) keys.set(row.contactId, [...(keys.get(row.contactId) ?? []), row.key]);
	return keys;
}

/**
 * People who are current members of a network that one of the organisations is also a current
 * member of: whom a partner meets in their networks.
 */
export async function fellowMemberIds(
	db: Db,
	districtId: number,
	organisationIds: readonly number[]
): Promise<Set<number>> {
	if (organisationIds.length === 0) return new Set();
	const rows = await db
		.selectFrom('networkMembers as person')
		.innerJoin('networkMembers as organisation', 'organisation.networkId', 'person.networkId')
		.innerJoin('networks', 'networks.id', 'person.networkId')
		.select('person.contactId')
		.distinct()
		.where('networks.districtId', '=', districtId)
		.where('networks.archivedAt', 'is', null)
		.where('person.contactId', 'is not', null)
		.where('person.leftOn', 'is', null)
		.where('organisation.organisationId', 'in', [...organisationIds])
		.where('organisation.leftOn', 'is', null)
		.execute();
	return new Set(rows.map((row) => row.contactId!));
}

export async function organisationOptions(
	db: Db,
	districtId: number
): Promise<{ id: number; name: string }[]> {
	return db
		.selectFrom('organisations')
		.select(['id', 'name'])
		.where('districtId', '=', districtId)
		.orderBy('name')
		.execute();
}

export async function organisationDistrict(db: Db, id: number): Promise<number | undefined> {
	return (
		await db
			.selectFrom('organisations')
			.select('districtId')
			.where('id', '=', id)
			.executeTakeFirst()
	)?.districtId;
}
