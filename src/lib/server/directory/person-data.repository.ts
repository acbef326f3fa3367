import type { Db } from '../db/schema.js';

/** Everything the network context keeps that points at one person, for the GDPR export. */

export async function membershipsOf(db: Db, contactId: number) {
	return db
		.selectFrom('networkMembers')
		.innerJoin('networks', 'networks.id', 'networkMembers.networkId')
		.select([
			'networks.id as networkId',
			'networks.name as networkName',
			'networkMembers.role',
			'networkMembers.joinedOn',
			'networkMembers.leftOn'
		])
		.where('networkMembers.contactId', '=', contactId)
		.orderBy('networkMembers.joinedOn')
		.execute();
}

export async function invitationsOf(db: Db, contactId: number) {
	return db
		.selectFrom('meetingInvitees')
		.innerJoin('meetings', 'meetings.id', 'meetingInvitees.meetingId')
		.innerJoin('networks', 'networks.id', 'meetings.networkId')
		.select([
			'meetings.id as meetingId',
			'meetings.title as meetingTitle',
			'networks.name as networkName',
			'meetings.startsAt',
			'meetingInvitees.invitedAt',
			'meetingInvitees.response',
			'meetingInvitees.respondedAt',
			'meetingInvitees.attendance'
		])
		.where('meetingInvitees.contactId', '=', contactId)
		.orderBy('meetings.startsAt')
		.execute();
}

export async function tasksOwnedBy(db: Db, contactId: number) {
	return db
		.selectFrom('tasks')
		.leftJoin('networks', 'networks.id', 'tasks.networkId')
		.select([
			'tasks.id',
			'tasks.title',
			'tasks.description',
			'tasks.kind',
			'tasks.status',
			'tasks.dueOn',
			'networks.name as networkName'
		])
		.where('tasks.ownerContactId', '=', contactId)
		.orderBy('tasks.id')
		.execute();
}

export async function agendaItemsPresentedBy(db: Db, contactId: number) {
	return db
		.selectFrom('agendaItems')
		.innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
		.select([
			'meetings.id as meetingId',
			'meetings.title as meetingTitle',
			'meetings.startsAt as meetingStartsAt',
			'agendaItems.title',
			'agendaItems.presenter'
		])
		.where('agendaItems.presenterContactId', '=', contactId)
		.orderBy('meetings.startsAt')
		.orderBy('agendaItems.position')
		.execute();
}

export async function feedsOf(db: Db, contactId: number) {
	return db
		.selectFrom('calendarFeeds')
		.select(['createdAt', 'revokedAt'])
		.where('contactId', '=', contactId)
		.orderBy('createdAt')
		.execute();
}

/** Audit entries about the person, their memberships and their invitations. */
export async function auditEntriesAbout(
	db: Db,
	contactId: number,
	related: { memberIds: number[]; inviteeIds: number[] }
) {
	return db
		.selectFrom('auditLog')
		.leftJoin('users', 'users.id', 'auditLog.userId')
		.select([
			'auditLog.id',
			'auditLog.at',
			'auditLog.action',
			'auditLog.entity',
			'auditLog.entityId',
			'users.name as userName',
			'auditLog.before',
			'auditLog.after'
		])
		.where((eb) =>
			eb.or([
				eb.and([eb('auditLog.entity', '=', 'contact'), eb('auditLog.entityId', '=', contactId)]),
				...(related.memberIds.length
					? [
							eb.and([
								eb('auditLog.entity', '=', 'network_member'),
								eb('auditLog.entityId', 'in', related.memberIds)
							])
						]
					: []),
				...(related.inviteeIds.length
					? [
							eb.and([
								eb('auditLog.entity', '=', 'meeting_invitee'),
								eb('auditLog.entityId', 'in', related.inviteeIds)
							])
						]
					: [])
			])
		)
		.orderBy('auditLog.id')
		.execute();
}

export async function relatedIds(db: Db, contactId: number) {
	const members = await db
		.selectFrom('networkMembers')
		.select('id')
		.where('contactId', '=', contactId)
		.execute();
	const invitees = await db
		.selectFrom('meetingInvitees')
		.select('id')
		.where('contactId', '=', contactId)
		.execute();
	return { memberIds: members.map((row) => row.id), inviteeIds: invitees.map((row) => row.id) };
}

/** The contact's row as the audit log recorded it before and after each change. */
export async function auditedContactStates(db: Db, contactId: number) {
	return db
		.selectFrom('auditLog')
		.select(['before', 'after'])
		.where('entity', '=', 'contact')
		.where('entityId', '=', contactId)
		.orderBy('id')
		.execute();
}

/** Mail in the outbox, sent or waiting, to any of the addresses (compared without case). */
export async function mailTo(db: Db, addresses: string[]) {
	if (addresses.length === 0) return [];
	return db
		.selectFrom('mailOutbox')
		.select(['toAddress', 'subject', 'textBody', 'attachments', 'createdAt', 'sentAt', 'attempts'])
		.where((eb) =>
			eb(
				eb.fn('lower', ['toAddress']),
				'in',
				addresses.map((address) => address.toLowerCase())
			)
		)
		.orderBy('createdAt')
		.orderBy('id')
		.execute();
}

/** The person's seats in committees, per term. */
export async function committeeSeatsOf(db: Db, contactId: number) {
	return db
		.selectFrom('committeeMembers')
		.innerJoin('committeeTerms', 'committeeTerms.id', 'committeeMembers.termId')
		.innerJoin('committees', 'committees.id', 'committeeTerms.committeeId')
		.select([
			'committees.name as committeeName',
			'committeeTerms.startsOn as termStartsOn',
			'committeeTerms.endsOn as termEndsOn',
			'committeeMembers.role',
			'committeeMembers.fromOn',
			'committeeMembers.toOn'
		])
		.where('committeeMembers.contactId', '=', contactId)
		.orderBy('committeeTerms.startsOn')
		.orderBy('committeeMembers.id')
		.execute();
}

/** The person's applications to committees' calls, with what they wrote. */
export async function applicationsOf(db: Db, contactId: number) {
	return db
		.selectFrom('committeeApplications')
		.innerJoin('committeeCalls', 'committeeCalls.id', 'committeeApplications.callId')
		.innerJoin('committees', 'committees.id', 'committeeCalls.committeeId')
		.leftJoin('places', 'places.id', 'committeeApplications.placeId')
		.select([
			'committeeCalls.title as callTitle',
			'committees.name as committeeName',
			'places.name as placeName',
			'committeeApplications.message',
			'committeeApplications.receivedAt',
			'committeeApplications.status',
			'committeeApplications.updatedAt'
		])
		.where('committeeApplications.contactId', '=', contactId)
		.orderBy('committeeApplications.receivedAt')
		.orderBy('committeeApplications.id')
		.execute();
}
