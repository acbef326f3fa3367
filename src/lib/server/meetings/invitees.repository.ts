import type { Db } from '../db/schema.js';
import { NETWORK_PURPOSE } from '../directory/directory-access.js';
import type { ATTENDANCE, RSVP_RESPONSES } from './meetings.table.js';
import { activeOn } from '../networks/active-members.js';

export type RsvpResponse = (typeof RSVP_RESPONSES)[number];
export type Attendance = (typeof ATTENDANCE)[number];

/**
 * The people a meeting's invitation goes to: persons who are members themselves, and the
 * contacts of member organisations who agreed to be contacted for network work. Erased
 * persons and people without an e-mail address are left out.
 */
export async function findEligibleContacts(
	db: Db,
	networkId: number,
	districtId: number,
	today: string
): Promise<{ id: number; name: string; email: string }[]> {
	const members = db
		.selectFrom('networkMembers')
		.where('networkMembers.networkId', '=', networkId)
		.where((eb) => activeOn(eb, today));
	const rows = await db
		.selectFrom('contacts')
		.select(['contacts.id', 'contacts.name', 'contacts.email'])
		.where('contacts.districtId', '=', districtId)
		.where('contacts.anonymisedAt', 'is', null)
		.where('contacts.email', 'is not', null)
		.where((eb) =>
			eb.or([
				eb('contacts.id', 'in', members.select('networkMembers.contactId')),
				eb.and([
					eb('contacts.organisationId', 'in', members.select('networkMembers.organisationId')),
					eb.exists(
						eb
							.selectFrom('contactConsents')
							.innerJoin('processingPurposes', 'processingPurposes.id', 'contactConsents.purposeId')
							.select('contactConsents.id')
							.whereRef('contactConsents.contactId', '=', 'contacts.id')
							.where('processingPurposes.key', '=', NETWORK_PURPOSE)
							.where('contactConsents.withdrawnOn', 'is', null)
					)
				])
			])
		)
		.orderBy('contacts.name')
		.execute();
	return rows.map((row) => ({ id: row.id, name: row.name, email: row.email! }));
}

/** The new invitee's id, or undefined when the person was invited meanwhile (a second click). */
export async function insertInvitee(
	db: Db,
	row: { meetingId: number; contactId: number; tokenHash: string; invitedAt: string }
): Promise<number | undefined> {
	const inserted = await db
		.insertInto('meetingInvitees')
		.values({ ...row, response: null, respondedAt: null, attendance: null })
		.onConflict((conflict) => conflict.columns(['meetingId', 'contactId']).doNothing())
		.returning('id')
		.executeTakeFirst();
	return inserted?.id;
}

/** Invitees with the name and address to write to (null once a person is erased). */
export async function findInvitees(db: Db, meetingId: number) {
	return db
		.selectFrom('meetingInvitees')
		.innerJoin('contacts', 'contacts.id', 'meetingInvitees.contactId')
		.leftJoin('organisations', 'organisations.id', 'contacts.organisationId')
		.leftJoin('mailOutbox', 'mailOutbox.id', 'meetingInvitees.lastMailId')
		.select([
			'meetingInvitees.id',
			'meetingInvitees.contactId',
			'meetingInvitees.response',
			'meetingInvitees.respondedAt',
			'meetingInvitees.attendance',
			'contacts.name',
			'contacts.email',
			'contacts.anonymisedAt',
			'organisations.name as organisationName',
			'meetingInvitees.lastMailId',
			'mailOutbox.sentAt as mailSentAt',
			'mailOutbox.lastError as mailError',
			'mailOutbox.attempts as mailAttempts'
		])
		.where('meetingInvitees.meetingId', '=', meetingId)
		.orderBy('contacts.name')
		.orderBy('meetingInvitees.id')
		.execute();
}

export async function findInviteeByTokenHash(db: Db, tokenHash: string) {
	return db
		.selectFrom('meetingInvitees')
		.innerJoin('contacts', 'contacts.id', 'meetingInvitees.contactId')
		.select([
			'meetingInvitees.id',
			'meetingInvitees.meetingId',
			'meetingInvitees.response',
			'contacts.name',
			'contacts.anonymisedAt'
		])
		.where('meetingInvitees.tokenHash', '=', tokenHash)
		.executeTakeFirst();
}

export async function setInviteeToken(db: Db, inviteeId: number, tokenHash: string): Promise<void> {
	await db.updateTable('meetingInvitees').set({ tokenHash }).where('id', '=', inviteeId).execute();
}

export async function setResponse(
	db: Db,
	inviteeId: number,
	response: RsvpResponse,
	at: string
): Promise<void> {
	await db
		.updateTable('meetingInvitees')
		.set({ response, respondedAt: at })
		.where('id', '=', inviteeId)
		.execute();
}

export async function setAttendance(
	db: Db,
	meetingId: number,
	inviteeId: number,
	attendance: Attendance | null
): Promise<void> {
	await db
		.updateTable('meetingInvitees')
		.set({ attendance })
		.where('id', '=', inviteeId)
		.where('meetingId', '=', meetingId)
		.execute();
}

/** Meeting ids a person is invited to (for their calendar feed). */
export async function findInvitedMeetingIds(db: Db, contactId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('meetingInvitees')
		.select('meetingId')
		.where('contactId', '=', contactId)
		.execute();
	return rows.map((row) => row.meetingId);
}

/** Remembers the newest meeting mail queued for an invitee. */
export async function setInviteeMail(db: Db, inviteeId: number, mailId: number): Promise<void> {
	await db
		.updateTable('meetingInvitees')
		.set({ lastMailId: mailId })
		.where('id', '=', inviteeId)
		.execute();
}
