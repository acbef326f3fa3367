import type { Insertable } from 'kysely';
import type { Db } from '../db/schema.js';
import type { SessionsTable, UsersTable } from './accounts.table.js';

export async function insertUser(
	db: Db,
	user: Insertable<UsersTable>,
	organisationIds: number[]
): Promise<number> {
	const { id } = await db
		.insertInto('users')
		.values(user)
		.returning('id')
		.executeTakeFirstOrThrow();
	if (organisationIds.length)
		await db
			.insertInto('userOrganisations')
			.values(organisationIds.map((organisationId) => ({ userId: id, organisationId })))
			.execute();
	return id;
}

export async function findUserByEmail(db: Db, email: string) {
	return db
		.selectFrom('users')
		.select(['id', 'districtId', 'role', 'passwordHash', 'disabledAt'])
		.where('email', '=', email)
		.executeTakeFirst();
}

export async function findUserById(db: Db, id: number) {
	return db
		.selectFrom('users')
		.select(['id', 'districtId', 'email', 'name', 'role', 'totpEnabledAt', 'disabledAt'])
		.where('id', '=', id)
		.executeTakeFirst();
}

export async function findOrganisationIds(db: Db, userId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('userOrganisations')
		.select('organisationId')
		.where('userId', '=', userId)
		.execute();
	return rows.map((row) => row.organisationId).sort((a, b) => a - b);
}

export async function touchLogin(db: Db, userId: number, at: string): Promise<void> {
	await db.updateTable('users').set({ lastLoginAt: at }).where('id', '=', userId).execute();
}

export async function insertSession(db: Db, session: SessionsTable): Promise<void> {
	await db.insertInto('sessions').values(session).execute();
}

export async function findSession(db: Db, id: string) {
	return db
		.selectFrom('sessions')
		.select(['id', 'userId', 'expiresAt', 'lastSeenAt', 'secondFactorAt'])
		.where('id', '=', id)
		.executeTakeFirst();
}

export async function extendSession(
	db: Db,
	id: string,
	lastSeenAt: string,
	expiresAt: string
): Promise<void> {
	await db.updateTable('sessions').set({ lastSeenAt, expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function findUserDistrict(db: Db, userId: number): Promise<number> {
	const row = await db
		.selectFrom('users')
		.select('districtId')
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
	return row.districtId;
}
