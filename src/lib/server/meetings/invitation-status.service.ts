import type { Kysely } from 'kysely';
import { recordAudit } from '../accounts/audit.service.js';
import type { DB, Db } from '../db/schema.js';
import { retryFailedMail } from '../mail/mail.service.js';
import { findInvitees } from './invitees.repository.js';
import { loadMeeting } from './meetings.service.js';
import { authorizeInNetwork } from '../networks/network-access.js';
import { MeetingStateError } from './meetings.errors.js';
import { networkScope, type NetworkActor } from '../networks/networks.service.js';

/** Did the invitations go out? The newest meeting mail per invitee, for those who run the meeting. */

export type InvitationMailState =
	| { state: 'queued' }
	| { state: 'sent'; at: string }
	| { state: 'failed'; error: string; attempts: number };

export interface InvitationStatus {
	inviteeId: number;
	/** null for an erased person: "former participant". */
	name: string | null;
	organisationName: string | null;
	/** null when no mail was queued for this person (invited before mail was tracked). */
	mail: InvitationMailState | null;
}

function mailState(row: {
	lastMailId: number | null;
	mailSentAt: string | null;
	mailError: string | null;
	mailAttempts: number | null;
}): InvitationMailState | null {
	if (row.lastMailId === null) return null;
	if (row.mailSentAt) return { state: 'sent', at: row.mailSentAt };
	if (row.mailError)
		return { state: 'failed', error: row.mailError, attempts: Number(row.mailAttempts ?? 0) };
	return { state: 'queued' };
}

async function managedMeeting(db: Db, actor: NetworkActor, meetingId: number, now: Date) {
	const meeting = await loadMeeting(db, meetingId, now);
	authorizeInNetwork(actor, 'manage', await networkScope(db, meeting.networkId, now));
	return meeting;
}

/** Per invitee the state of their newest meeting mail: queued, sent (when) or failed (why). */
export async function listInvitationStatus(
	db: Db,
	actor: NetworkActor,
	meetingId: number,
	now = new Date()
): Promise<InvitationStatus[]> {
	await managedMeeting(db, actor, meetingId, now);
	return (await findInvitees(db, meetingId)).map((row) => ({
		inviteeId: row.id,
		name: row.anonymisedAt ? null : row.name,
		organisationName: row.anonymisedAt ? null : row.organisationName,
		mail: mailState(row)
	}));
}

/** Queues an invitee's failed mail again, due now; audited. Refused unless it failed. */
export async function retryInvitationMail(
	db: Kysely<DB>,
	actor: NetworkActor,
	meetingId: number,
	inviteeId: number,
	now = new Date()
): Promise<void> {
	const meeting = await managedMeeting(db, actor, meetingId, now);
	const invitee = (await findInvitees(db, meetingId)).find((row) => row.id === inviteeId);
	const mailId = invitee?.lastMailId;
	if (!invitee || mailId == null || mailState(invitee)?.state !== 'failed')
		throw new MeetingStateError('mail_not_failed');
	await db.transaction().execute(async (trx) => {
		if (!(await retryFailedMail(trx, mailId, now))) throw new MeetingStateError('mail_not_failed');
		await recordAudit(
			trx,
			{
				districtId: meeting.districtId,
				userId: actor.id,
				action: 'meeting.mail_retry',
				entity: 'meeting_invitee',
				entityId: inviteeId,
				before: { mailId, error: invitee.mailError },
				after: { mailId, nextAttemptAt: now.toISOString() }
			},
			now
		);
	});
}
