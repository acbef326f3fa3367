import type { Db } from '../db/schema.js';
import { open, seal } from './secret-box.js';

export async function findTwoFactor(db: Db, userId: number) {
	const row = await db
		.selectFrom('users')
		.select(['id', 'email', 'totpSecret', 'totpEnabledAt', 'totpLastStep'])
		.where('id', '=', userId)
		.executeTakeFirst();
	return row && { ...row, totpSecret: row.totpSecret === null ? null : open(row.totpSecret) };
}

export async function setTotpSecret(
	db: Db,
	userId: number,
	secret: string,
	at: string
): Promise<void> {
	await db
		.updateTable('users')
		.set({ totpSecret: seal(secret), totpEnabledAt: null, totpLastStep: null, updatedAt: at })
		.where('id', '=', userId)
		.execute();
}

export async function enableTotp(db: Db, userId: number, step: number, at: string): Promise<void> {
	await db
		.updateTable('users')
		.set({ totpEnabledAt: at, totpLastStep: step, updatedAt: at })
		.where('id', '=', userId)
		.execute();
}

/** Records the accepted step only if it is newer than the last one; false when it was not. */
export async function advanceTotpStep(db: Db, userId: number, step: number): Promise<boolean> {
	const result = await db
		.updateTable('users')
		.set({ totpLastStep: step })
		.where('id', '=', userId)
		.where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function replaceRecoveryCodes(
	db: Db,
	userId: number,
	codeHashes: string[]
): Promise<void> {
	await db.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
	await db
		.insertInto('recoveryCodes')
		.values(codeHashes.map((codeHash) => ({ userId, codeHash, usedAt: null })))
		.execute();
}

/** Marks an unused code used; false when there is no such unused code. */
export async function useRecoveryCode(
	db: Db,
	userId: number,
	codeHash: string,
	at: string
): Promise<boolean> {
	const result = await db
		.updateTable('recoveryCodes')
		.set({ usedAt: at })
		.where('userId', '=', userId)
		.where('codeHash', '=', codeHash)
		.where('usedAt', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function countUnusedRecoveryCodes(db: Db, userId: number): Promise<number> {
	const row = await db
		.selectFrom('recoveryCodes')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('userId', '=', userId)
		.where('usedAt', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

export async function markSessionSecondFactor(
	db: Db,
	sessionId: string,
	at: string
): Promise<void> {
	await db
		.updateTable('sessions')
		.set({ secondFactorAt: at })
		.where('id', '=', sessionId)
		.execute();
}
