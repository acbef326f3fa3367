import type { Insertable } from 'kysely';
import type { Db } from '../db/schema.js';
import type { ContactConsentsTable } from './directory.table.js';

export interface ConsentRow {
	id: number;
	contactId: number;
	purposeId: number;
	purposeKey: string;
	purposeName: string;
	givenOn: string;
	source: string;
	withdrawnOn: string | null;
	recordedAt: string;
	recordedByName: string | null;
}

const selectConsents = (db: Db) =>
	db
		.selectFrom('contactConsents')
		.innerJoin('processingPurposes', 'processingPurposes.id', 'contactConsents.purposeId')
		.leftJoin('users', 'users.id', 'contactConsents.recordedBy')
		.select([
			'contactConsents.id',
			'contactConsents.contactId',
			'contactConsents.purposeId',
			'processingPurposes.key as purposeKey',
			'processingPurposes.name as purposeName',
			'contactConsents.givenOn',
			'contactConsents.source',
			'contactConsents.withdrawnOn',
			'contactConsents.recordedAt',
			'users.name as recordedByName'
		]);

/** A person's consents, newest first, withdrawn ones included: the history is the evidence. */
export async function listConsentRows(db: Db, contactId: number): Promise<ConsentRow[]> {
	return selectConsents(db)
		.where('contactConsents.contactId', '=', contactId)
		.orderBy('contactConsents.givenOn', 'desc')
		.orderBy('contactConsents.id', 'desc')
		.execute();
}

export async function findConsentRow(db: Db, id: number): Promise<ConsentRow | undefined> {
	return selectConsents(db).where('contactConsents.id', '=', id).executeTakeFirst();
}

export async function insertConsentRow(
	db: Db,
	row: Insertable<ContactConsentsTable>
): Promise<number> {
	return (
		await db.insertInto('contactConsents').values(row).returning('id').executeTakeFirstOrThrow()
	).id;
}

export async function setConsentWithdrawn(db: Db, id: number, withdrawnOn: string): Promise<void> {
	await db.updateTable('contactConsents').set({ withdrawnOn }).where('id', '=', id).execute();
}
