import type { Db } from '../db/schema.js';
import { NETWORK_PURPOSE } from '../directory/directory-access.js';
import { activeOn } from '../networks/active-members.js';

/** A meeting with what its rights depend on: the network and its district. */
export async function findMeetingWithNetwork(db: Db, meetingId: number) {
	return db
		.selectFrom('meetings')
		.innerJoin('networks', 'networks.id', 'meetings.networkId')
		.select([
			'meetings.id',
			'meetings.networkId',
			'meetings.title',
			'meetings.startsAt',
			'meetings.endsAt',
			'meetings.location',
			'meetings.onlineUrl',
			'meetings.status',
			'meetings.minutesReleasedAt',
			'networks.name as networkName',
			'networks.districtId'
		])
		.where('meetings.id', '=', meetingId)
		.executeTakeFirst();
}

export async function findAgendaItems(db: Db, meetingId: number) {
	return db
		.selectFrom('agendaItems')
		.select(['id', 'position', 'title', 'presenter', 'minutes'])
		.where('meetingId', '=', meetingId)
		.orderBy('position')
		.orderBy('id')
		.execute();
}

export async function findDecisions(db: Db, meetingId: number) {
	return db
		.selectFrom('decisions')
		.select(['id', 'agendaItemId', 'position', 'text'])
		.where('meetingId', '=', meetingId)
		.orderBy('position')
		.orderBy('id')
		.execute();
}

/** Invited people with their recorded attendance; erased people keep their row, not their name. */
export async function findAttendance(db: Db, meetingId: number) {
	return db
		.selectFrom('meetingInvitees')
		.innerJoin('contacts', 'contacts.id', 'meetingInvitees.contactId')
		.select(['contacts.name', 'contacts.anonymisedAt', 'meetingInvitees.attendance'])
		.where('meetingInvitees.meetingId', '=', meetingId)
		.orderBy('contacts.name')
		.execute();
}

export async function updateItemMinutes(
	db: Db,
	meetingId: number,
	itemId: number,
	minutes: string
): Promise<boolean> {
	const result = await db
		.updateTable('agendaItems')
		.set({ minutes })
		.where('id', '=', itemId)
		.where('meetingId', '=', meetingId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function insertDecision(
	db: Db,
	decision: { meetingId: number; agendaItemId: number | null; text: string }
): Promise<number> {
	const last = await db
		.selectFrom('decisions')
		.select((eb) => eb.fn.max('position').as('position'))
		.where('meetingId', '=', decision.meetingId)
		.executeTakeFirst();
	const row = await db
		.insertInto('decisions')
		.values({ ...decision, position: Number(last?.position ?? 0) + 1 })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function deleteDecision(db: Db, meetingId: number, decisionId: number) {
	return db
		.deleteFrom('decisions')
		.where('id', '=', decisionId)
		.where('meetingId', '=', meetingId)
		.returning(['id', 'agendaItemId', 'text'])
		.executeTakeFirst();
}

/** Sets the release time unless another request released first; false then. */
export async function markMinutesReleased(db: Db, meetingId: number, at: string): Promise<boolean> {
	const result = await db
		.updateTable('meetings')
		.set({ minutesReleasedAt: at, updatedAt: at })
		.where('id', '=', meetingId)
		.where('minutesReleasedAt', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/**
 * Who receives released minutes: current person members, and the people of current member
 * organisations who agreed (and have not withdrawn) to be contacted for network work.
 */
export async function findReleaseRecipients(db: Db, networkId: number, today: string) {
	const people = await db
		.selectFrom('networkMembers')
		.innerJoin('contacts', 'contacts.id', 'networkMembers.contactId')
		.select(['contacts.name', 'contacts.email'])
		.where('networkMembers.networkId', '=', networkId)
		.where((eb) => activeOn(eb, today))
		.where('contacts.anonymisedAt', 'is', null)
		.where('contacts.email', 'is not', null)
		.execute();
	const ofOrganisations = await db
		.selectFrom('networkMembers')
		.innerJoin('contacts', 'contacts.organisationId', 'networkMembers.organisationId')
		.select(['contacts.name', 'contacts.email'])
		.where('networkMembers.networkId', '=', networkId)
		.where((eb) => activeOn(eb, today))
		.where('contacts.anonymisedAt', 'is', null)
		.where('contacts.email', 'is not', null)
		.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('contactConsents')
					.innerJoin('processingPurposes', 'processingPurposes.id', 'contactConsents.purposeId')
					.select('contactConsents.id')
					.whereRef('contactConsents.contactId', '=', 'contacts.id')
					.where('processingPurposes.key', '=', NETWORK_PURPOSE)
					.where('contactConsents.withdrawnOn', 'is', null)
			)
		)
		.execute();
	return [...people, ...ofOrganisations].map((row) => ({ name: row.name, email: row.email! }));
}

/** Decisions with the meeting and network they were taken in, within a district. */
export async function findDecisionOrigins(
	db: Db,
	districtId: number,
	decisionIds: readonly number[]
) {
	if (!decisionIds.length) return [];
	return db
		.selectFrom('decisions')
		.innerJoin('meetings', 'meetings.id', 'decisions.meetingId')
		.innerJoin('networks', 'networks.id', 'meetings.networkId')
		.select([
			'decisions.id',
			'decisions.text',
			'decisions.meetingId',
			'meetings.title as meetingTitle',
			'meetings.startsAt as meetingStartsAt',
			'meetings.networkId',
			'networks.name as networkName'
		])
		.where('networks.districtId', '=', districtId)
		.where('decisions.id', 'in', decisionIds)
		.execute();
}
