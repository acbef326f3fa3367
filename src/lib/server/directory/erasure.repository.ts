import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { FORMER_PARTICIPANT } from './former-participant.js';

type Trx = Transaction<DB>;

/** Each step of erasing a person; run together in one transaction by erasure.service.ts. */

export async function anonymiseContactRow(trx: Trx, contactId: number, at: string): Promise<void> {
	await trx
		.updateTable('contacts')
		.set({
			name: FORMER_PARTICIPANT,
			organisationId: null,
			roleTitle: null,
			email: null,
			phone: null,
			languages: '',
			actionFields: '',
			notes: null,
			updatedAt: at,
			anonymisedAt: at
		})
		.where('id', '=', contactId)
		.execute();
}

export async function deleteConsents(trx: Trx, contactId: number): Promise<number> {
	const result = await trx
		.deleteFrom('contactConsents')
		.where('contactId', '=', contactId)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export async function revokeFeeds(trx: Trx, contactId: number, at: string): Promise<number> {
	const result = await trx
		.updateTable('calendarFeeds')
		.set({ revokedAt: at })
		.where('contactId', '=', contactId)
		.where('revokedAt', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** Replaces every RSVP token hash with random bytes no token hashes to; answers stay. */
export async function invalidateRsvpTokens(trx: Trx, contactId: number): Promise<number> {
	const invitees = await trx
		.selectFrom('meetingInvitees')
		.select('id')
		.where('contactId', '=', contactId)
		.execute();
	for (const { id } of invitees)
		await trx
			.updateTable('meetingInvitees')
			.set({ tokenHash: `erased:${randomBytes(32).toString('hex')}` })
			.where('id', '=', id)
			.execute();
	return invitees.length;
}

export async function endMemberships(trx: Trx, contactId: number, day: string): Promise<number> {
	const result = await trx
		.updateTable('networkMembers')
		.set({ leftOn: day })
		.where('contactId', '=', contactId)
		.where('leftOn', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** A typed presenter name would repeat the person's name next to their agenda items. */
export async function clearPresenterNames(trx: Trx, contactId: number): Promise<void> {
	await trx
		.updateTable('agendaItems')
		.set({ presenter: null })
		.where('presenterContactId', '=', contactId)
		.execute();
}

/** Earlier audit entries about the person keep who did what when, not the person's data. */
export async function redactAuditEntries(trx: Trx, contactId: number): Promise<void> {
	const redacted = JSON.stringify({ erased: true });
	await trx
		.updateTable('auditLog')
		.set((eb) => ({
			before: eb.case().when('before', 'is', null).then(null).else(redacted).end(),
			after: eb.case().when('after', 'is', null).then(null).else(redacted).end()
		}))
		.where('entity', '=', 'contact')
		.where('entityId', '=', contactId)
		.execute();
}

/** Mail to the person's addresses, sent or waiting, holds their name and address. */
export async function deleteMailTo(trx: Trx, addresses: string[]): Promise<number> {
	if (addresses.length === 0) return 0;
	const result = await trx
		.deleteFrom('mailOutbox')
		.where((eb) =>
			eb(
				eb.fn('lower', ['toAddress']),
				'in',
				addresses.map((address) => address.toLowerCase())
			)
		)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** Applications to committees' calls hold the person's message and place: they go with them. */
export async function deleteApplications(trx: Trx, contactId: number): Promise<number> {
	const result = await trx
		.deleteFrom('committeeApplications')
		.where('contactId', '=', contactId)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
