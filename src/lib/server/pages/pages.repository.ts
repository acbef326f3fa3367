import type { Insertable } from 'kysely';
import type { DB, Db } from '../db/schema.js';
import type { PagesTable } from './pages.table.js';

export async function insertPage(db: Db, page: Insertable<PagesTable>): Promise<number> {
	return (await db.insertInto('pages').values(page).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findPage(db: Db, slug: string) {
	return db
		.selectFrom('pages')
		.leftJoin('organisations', 'organisations.id', 'pages.organisationId')
		.leftJoin('places', 'places.id', 'organisations.placeId')
		.select([
			'pages.id',
			'pages.slug',
			'pages.title',
			'pages.summary',
			'pages.body',
			'pages.updatedAt',
			'pages.organisationId',
			'organisations.name as organisationName',
			'organisations.street',
			'organisations.postcode',
			'organisations.email',
			'organisations.phone',
			'organisations.website',
			'places.name as placeName'
		])
		.where('pages.slug', '=', slug)
		.orderBy('pages.districtId')
		.executeTakeFirst();
}

export async function findContacts(db: Db, organisationId: number) {
	return db
		.selectFrom('contactPersons')
		.select(['id', 'name', 'role', 'email', 'phone', 'room', 'languages'])
		.where('organisationId', '=', organisationId)
		.orderBy('position')
		.orderBy('id')
		.execute();
}

export async function insertContact(
	db: Db,
	contact: Insertable<DB['contactPersons']>
): Promise<number> {
	return (
		await db.insertInto('contactPersons').values(contact).returning('id').executeTakeFirstOrThrow()
	).id;
}

/** The page row itself, for the back-office editor. */
export async function findPageRow(db: Db, slug: string) {
	return db
		.selectFrom('pages')
		.select(['id', 'districtId', 'organisationId', 'slug', 'title', 'summary', 'body'])
		.where('slug', '=', slug)
		.orderBy('districtId')
		.executeTakeFirst();
}

export async function updatePageRow(
	db: Db,
	pageId: number,
	values: { title: string; summary: string; body: string; updatedAt: string }
): Promise<void> {
	await db.updateTable('pages').set(values).where('id', '=', pageId).execute();
}

export async function setContactPosition(db: Db, contactId: number, position: number) {
	await db.updateTable('contactPersons').set({ position }).where('id', '=', contactId).execute();
}
