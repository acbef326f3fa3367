import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/authorization.js';
import { recordAudit } from '../accounts/audit.service.js';
import type { DB, Db } from '../db/schema.js';
import { hashToken, newToken, queueInvitationMails, type MailContext } from './invitation-mail.js';
import {
	findEligibleContacts,
	findInviteeByTokenHash,
	findInvitees,
	insertInvitee,
	setAttendance,
	setResponse,
	type Attendance,
	type RsvpResponse
} from './invitees.repository.js';
import { loadMeeting, type AgendaItem } from './meetings.service.js';
import { updateMeetingRow } from './meetings.repository.js';
import { authorizeInNetwork } from '../networks/network-access.js';
import { ATTENDANCE, RSVP_RESPONSES } from './meetings.table.js';
import { NetworkValidationError } from '../networks/networks.errors.js';
import { MeetingStateError, RsvpLinkError } from './meetings.errors.js';
import { networkScope, type NetworkActor } from '../networks/networks.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';

/** Invitations with personal RSVP links (no login), and the attendance list. */

/**
 * Invites everyone eligible who is not invited yet (see findEligibleContacts): one invitee row
 * and one mail with the .ics each. Running it again after new members joined invites only them.
 */
export async function inviteMembers(
	db: Kysely<DB>,
	actor: NetworkActor,
	meetingId: number,
	context: MailContext,
	now = new Date()
): Promise<{ invited: number }> {
	const meeting = await loadMeeting(db, meetingId, now);
	authorizeInNetwork(actor, 'manage', await networkScope(db, meeting.networkId, now));
	if (meeting.status === 'cancelled') throw new MeetingStateError('cancelled');
	if (meeting.started) throw new MeetingStateError('started');
	return db.transaction().execute(async (trx) => {
		const invited = new Set((await findInvitees(trx, meetingId)).map((row) => row.contactId));
		const eligible = await findEligibleContacts(
			trx,
			meeting.networkId,
			meeting.districtId,
			berlinToday(now)
		);
		const fresh = eligible.filter((contact) => !invited.has(contact.id));
		if (!fresh.length && !invited.size) throw new MeetingStateError('no_invitees');
		const invitees = [];
		for (const contact of fresh) {
			const id = await insertInvitee(trx, {
				meetingId,
				contactId: contact.id,
				// Replaced by the mailed link's hash below; unique meanwhile.
				tokenHash: hashToken(newToken()),
				invitedAt: now.toISOString()
			});
			if (id !== undefined) invitees.push({ id, name: contact.name, email: contact.email });
		}
		if (!meeting.invitationsSentAt)
			await updateMeetingRow(trx, meetingId, {
				invitationsSentAt: now.toISOString(),
				updatedAt: now.toISOString()
			});
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'meeting.invite',
				entity: 'meeting',
				entityId: meetingId,
				after: { contactIds: fresh.map((contact) => contact.id) }
			},
			now
		);
		await queueInvitationMails(trx, meeting, invitees, 'invitation', context, now);
		return { invited: invitees.length };
	});
}

export interface RsvpView {
	name: string;
	response: RsvpResponse | null;
	/** The answer can still be given or changed (the meeting is planned and has not begun). */
	open: boolean;
	meeting: {
		networkName: string;
		title: string;
		startsAt: string;
		endsAt: string;
		location: string | null;
		onlineUrl: string | null;
		description: string;
		status: 'planned' | 'cancelled';
		agenda: Pick<AgendaItem, 'title' | 'presenter' | 'startsAt' | 'durationMinutes'>[];
	};
}

// Tokens are 43 base64url characters; anything else is not worth a database look-up.
const TOKEN = /^[\w-]{43}$/;

async function findByToken(db: Db, token: string) {
	const invitee = TOKEN.test(token)
		? await findInviteeByTokenHash(db, hashToken(token))
		: undefined;
	if (!invitee || invitee.anonymisedAt) throw new RsvpLinkError('unknown');
	return invitee;
}

/** What the RSVP page shows; reading changes nothing (mail scanners open links too). */
export async function readRsvp(db: Db, token: string, now = new Date()): Promise<RsvpView> {
	const invitee = await findByToken(db, token);
	const meeting = await loadMeeting(db, invitee.meetingId, now);
	return {
		name: invitee.name,
		response: invitee.response,
		open: meeting.status === 'planned' && !meeting.started,
		meeting: {
			networkName: meeting.networkName,
			title: meeting.title,
			startsAt: meeting.startsAt,
			endsAt: meeting.endsAt,
			location: meeting.location,
			onlineUrl: meeting.onlineUrl,
			description: meeting.description,
			status: meeting.status,
			agenda: meeting.agenda.map(({ title, presenter, startsAt, durationMinutes }) => ({
				title,
				presenter,
				startsAt,
				durationMinutes
			}))
		}
	};
}

/** Records or changes the answer until the meeting begins. */
export async function answerRsvp(
	db: Kysely<DB>,
	token: string,
	response: string,
	now = new Date()
): Promise<RsvpView> {
	if (!RSVP_RESPONSES.includes(response as RsvpResponse))
		throw new NetworkValidationError([{ path: 'response', code: 'invalid_value' }]);
	const invitee = await findByToken(db, token);
	const meeting = await loadMeeting(db, invitee.meetingId, now);
	if (meeting.status === 'cancelled') throw new RsvpLinkError('cancelled');
	if (meeting.started) throw new RsvpLinkError('closed');
	await db.transaction().execute(async (trx) => {
		await setResponse(trx, invitee.id, response as RsvpResponse, now.toISOString());
		await recordAudit(
			trx,
			{
				districtId: meeting.districtId,
				userId: null,
				action: 'meeting.rsvp',
				entity: 'meeting_invitee',
				entityId: invitee.id,
				before: { response: invitee.response },
				after: { response }
			},
			now
		);
	});
	return readRsvp(db, token, now);
}

export interface AttendanceEntry {
	inviteeId: number;
	/** null for an erased person: "former participant". */
	name: string | null;
	organisationName: string | null;
	response: RsvpResponse | null;
	respondedAt: string | null;
	attendance: Attendance | null;
}

export async function listAttendance(
	db: Db,
	actor: Actor,
	meetingId: number,
	now = new Date()
): Promise<AttendanceEntry[]> {
	const meeting = await loadMeeting(db, meetingId, now);
	authorizeInNetwork(actor, 'read', await networkScope(db, meeting.networkId, now));
	return (await findInvitees(db, meetingId)).map((row) => ({
		inviteeId: row.id,
		name: row.anonymisedAt ? null : row.name,
		organisationName: row.anonymisedAt ? null : row.organisationName,
		response: row.response,
		respondedAt: row.respondedAt,
		attendance: row.attendance
	}));
}

/** Saves the whole list at once; an empty choice clears a person's attendance. */
export async function saveAttendance(
	db: Kysely<DB>,
	actor: NetworkActor,
	meetingId: number,
	entries: readonly { inviteeId: number; attendance: string | null }[],
	now = new Date()
): Promise<void> {
	const meeting = await loadMeeting(db, meetingId, now);
	authorizeInNetwork(actor, 'manage', await networkScope(db, meeting.networkId, now));
	const invitees = new Map((await findInvitees(db, meetingId)).map((row) => [row.id, row]));
	const issues = entries.flatMap((entry) =>
		!invitees.has(entry.inviteeId)
			? [{ path: `attendance.${entry.inviteeId}`, code: 'unknown' }]
			: entry.attendance !== null && !ATTENDANCE.includes(entry.attendance as Attendance)
				? [{ path: `attendance.${entry.inviteeId}`, code: 'invalid_value' }]
				: []
	);
	if (issues.length) throw new NetworkValidationError(issues);
	await db.transaction().execute(async (trx) => {
		const changes = [];
		for (const entry of entries) {
			const before = invitees.get(entry.inviteeId)!.attendance;
			if (before === entry.attendance) continue;
			await setAttendance(trx, meetingId, entry.inviteeId, entry.attendance as Attendance | null);
			changes.push({ inviteeId: entry.inviteeId, before, after: entry.attendance });
		}
		if (changes.length)
			await recordAudit(
				trx,
				{
					districtId: actor.districtId,
					userId: actor.id,
					action: 'meeting.attendance',
					entity: 'meeting',
					entityId: meetingId,
					after: changes
				},
				now
			);
	});
}
