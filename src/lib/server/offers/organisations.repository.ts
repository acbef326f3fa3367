import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { OrganisationsTable } from './offers.table.js';

type Db = Kysely<DB> | Transaction<DB>;

export async function insertOrganisation(
	db: Db,
	row: Insertable<OrganisationsTable>
): Promise<number> {
	return (
		await db.insertInto('organisations').values(row).returning('id').executeTakeFirstOrThrow()
	).id;
}

export async function findOrganisationDistrict(
	db: Db,
	organisationId: number
): Promise<number | undefined> {
	const row = await db
		.selectFrom('organisations')
		.select('districtId')
		.where('id', '=', organisationId)
		.executeTakeFirst();
	return row?.districtId;
}

export async function listOrganisationNames(
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
