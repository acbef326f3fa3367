import type { Db } from '../db/schema.js';
import type { AccountTokensTable } from './accounts.table.js';

export async function insertAccountToken(db: Db, token: AccountTokensTable): Promise<void> {
	await db.insertInto('accountTokens').values(token).execute();
}

export async function findAccountToken(db: Db, id: string) {
	return db
		.selectFrom('accountTokens')
		.select(['id', 'userId', 'purpose', 'expiresAt', 'usedAt'])
		.where('id', '=', id)
		.executeTakeFirst();
}

/** Deletes the account's links, of one purpose or all: they no longer work. */
export async function deleteAccountTokensOf(
	db: Db,
	userId: number,
	purpose?: AccountTokensTable['purpose']
): Promise<void> {
	await db
		.deleteFrom('accountTokens')
		.where('userId', '=', userId)
		.$if(purpose !== undefined, (query) => query.where('purpose', '=', purpose!))
		.execute();
}

/** Marks the token used unless it was already; false when another request used it first. */
export async function useAccountToken(db: Db, id: string, at: string): Promise<boolean> {
	const result = await db
		.updateTable('accountTokens')
		.set({ usedAt: at })
		.where('id', '=', id)
		.where('usedAt', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function setPasswordHash(
	db: Db,
	userId: number,
	passwordHash: string,
	at: string
): Promise<void> {
	await db
		.updateTable('users')
		.set({ passwordHash, updatedAt: at })
		.where('id', '=', userId)
		.execute();
}

export async function deleteSessionsOf(db: Db, userId: number): Promise<void> {
	await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}
