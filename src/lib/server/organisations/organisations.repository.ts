import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/schema.js';
import type { ContactPersonsTable, OrganisationsTable } from './organisations.table.js';

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

const PROFILE_COLUMNS = [
	'organisations.id',
	'organisations.districtId',
	'organisations.slug',
	'organisations.name',
	'organisations.kind',
	'organisations.email',
	'organisations.phone',
	'organisations.website',
	'organisations.street',
	'organisations.postcode',
	'organisations.placeId',
	'organisations.updatedAt'
] as const;

/** The names of the given organisations, alphabetically. */
export async function findOrganisationNames(db: Db, ids: readonly number[]): Promise<string[]> {
	if (ids.length === 0) return [];
	const rows = await db
		.selectFrom('organisations')
		.select('name')
		.where('id', 'in', ids)
		.orderBy('name')
		.execute();
	return rows.map((row) => row.name);
}

export async function findOrganisation(db: Db, organisationId: number) {
	return db
		.selectFrom('organisations')
		.leftJoin('places', 'places.id', 'organisations.placeId')
		.select([...PROFILE_COLUMNS, 'places.name as placeName'])
		.where('organisations.id', '=', organisationId)
		.executeTakeFirst();
}
export type OrganisationRow = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;

/** A district's organisations (or only the given ones), each with how many offers it has. */
export async function findOrganisationList(
	db: Db,
	districtId: number,
	organisationIds?: readonly number[]
) {
	if (organisationIds?.length === 0) return [];
	let query = db
		.selectFrom('organisations')
		.leftJoin('places', 'places.id', 'organisations.placeId')
		.select([...PROFILE_COLUMNS, 'places.name as placeName'])
		.select((eb) =>
			eb
				.selectFrom('offers')
				.select(eb.fn.countAll<number>().as('count'))
				.whereRef('offers.organisationId', '=', 'organisations.id')
				.as('offerCount')
		)
		.where('organisations.districtId', '=', districtId);
	if (organisationIds) query = query.where('organisations.id', 'in', organisationIds);
	return query.orderBy('organisations.name').orderBy('organisations.id').execute();
}

export async function updateOrganisationRow(
	db: Db,
	organisationId: number,
	values: Updateable<OrganisationsTable>
): Promise<void> {
	await db.updateTable('organisations').set(values).where('id', '=', organisationId).execute();
}

export async function setOrganisationSlug(
	db: Db,
	organisationId: number,
	slug: string
): Promise<void> {
	await db.updateTable('organisations').set({ slug }).where('id', '=', organisationId).execute();
}

export async function hasPublishedOffer(db: Db, organisationId: number): Promise<boolean> {
	const row = await db
		.selectFrom('offers')
		.select('id')
		.where('organisationId', '=', organisationId)
		.where('status', '=', 'published')
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

export async function placeExists(db: Db, placeId: number): Promise<boolean> {
	const row = await db
		.selectFrom('places')
		.select('id')
		.where('id', '=', placeId)
		.executeTakeFirst();
	return row !== undefined;
}

const CONTACT_COLUMNS = [
	'id',
	'organisationId',
	'name',
	'role',
	'email',
	'phone',
	'room',
	'languages',
	'position'
] as const;

export async function findContactPersons(db: Db, organisationId: number) {
	return db
		.selectFrom('contactPersons')
		.select(CONTACT_COLUMNS)
		.where('organisationId', '=', organisationId)
		.orderBy('position')
		.orderBy('id')
		.execute();
}

export async function findContactPerson(db: Db, contactId: number) {
	return db
		.selectFrom('contactPersons')
		.select(CONTACT_COLUMNS)
		.where('id', '=', contactId)
		.executeTakeFirst();
}

export async function insertContactPerson(
	db: Db,
	row: Insertable<ContactPersonsTable>
): Promise<number> {
	return (
		await db.insertInto('contactPersons').values(row).returning('id').executeTakeFirstOrThrow()
	).id;
}

export async function updateContactPersonRow(
	db: Db,
	contactId: number,
	values: Updateable<ContactPersonsTable>
): Promise<void> {
	await db.updateTable('contactPersons').set(values).where('id', '=', contactId).execute();
}

export async function deleteContactPersonRow(db: Db, contactId: number): Promise<void> {
	await db.deleteFrom('contactPersons').where('id', '=', contactId).execute();
}
