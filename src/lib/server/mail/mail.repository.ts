import type { Db } from '../db/schema.js';

export async function insertMail(
	db: Db,
	mail: {
		toAddress: string;
		subject: string;
		textBody: string;
		attachments: string | null;
		createdAt: string;
	}
): Promise<number> {
	const row = await db
		.insertInto('mailOutbox')
		.values({ ...mail, nextAttemptAt: mail.createdAt, lastError: null, sentAt: null })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function findDueMail(db: Db, now: string, limit: number) {
	return db
		.selectFrom('mailOutbox')
		.select(['id', 'toAddress', 'subject', 'textBody', 'attachments', 'attempts', 'nextAttemptAt'])
		.where('sentAt', 'is', null)
		.where('nextAttemptAt', '<=', now)
		.orderBy('nextAttemptAt')
		.orderBy('id')
		.limit(limit)
		.execute();
}

export async function markSent(db: Db, id: number, at: string): Promise<void> {
	await db
		.updateTable('mailOutbox')
		.set((eb) => ({ sentAt: at, attempts: eb('attempts', '+', 1), lastError: null }))
		.where('id', '=', id)
		.execute();
}

export async function markFailed(
	db: Db,
	id: number,
	error: string,
	nextAttemptAt: string
): Promise<void> {
	await db
		.updateTable('mailOutbox')
		.set((eb) => ({ attempts: eb('attempts', '+', 1), lastError: error, nextAttemptAt }))
		.where('id', '=', id)
		// Another process may have sent it after this one's claim ran out.
		.where('sentAt', 'is', null)
		.execute();
}

export async function findUndelivered(db: Db) {
	return db
		.selectFrom('mailOutbox')
		.select([
			'id',
			'toAddress',
			'subject',
			'createdAt',
			'attempts',
			'nextAttemptAt',
			'lastError',
			'messageId'
		])
		.where('sentAt', 'is', null)
		.orderBy('createdAt')
		.execute();
}

/**
 * Takes a due mail for this sender until `leaseUntil` by moving its next attempt there, and gives
 * it `messageId` unless it has one from an earlier attempt; returns the mail's Message-ID, or
 * undefined when another app process took it first, so a mail is not sent twice.
 */
export async function claimMail(
	db: Db,
	claim: { id: number; dueAt: string; leaseUntil: string; messageId: string }
): Promise<string | undefined> {
	const row = await db
		.updateTable('mailOutbox')
		.set((eb) => ({
			nextAttemptAt: claim.leaseUntil,
			messageId: eb.fn.coalesce('messageId', eb.val(claim.messageId))
		}))
		.where('id', '=', claim.id)
		.where('nextAttemptAt', '=', claim.dueAt)
		.where('sentAt', 'is', null)
		.returning('messageId')
		.executeTakeFirst();
	return row?.messageId ?? undefined;
}

/** Makes a failed, unsent mail due now with its error cleared; false if it is not such a mail. */
export async function requeueFailedMail(db: Db, id: number, now: string): Promise<boolean> {
	const result = await db
		.updateTable('mailOutbox')
		.set({ nextAttemptAt: now, lastError: null })
		.where('id', '=', id)
		.where('sentAt', 'is', null)
		.where('lastError', 'is not', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}
