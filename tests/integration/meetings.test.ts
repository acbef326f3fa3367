import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { afterAll, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import type { DB } from '../../src/lib/server/db/schema.js';
import { deliverDueMail } from '../../src/lib/server/mail/mail.service.js';
import {
	createFeed,
	feedByToken,
	revokeFeed
} from '../../src/lib/server/meetings/calendar-feeds.service.js';
import {
	answerRsvp,
	inviteMembers,
	listAttendance,
	readRsvp,
	saveAttendance
} from '../../src/lib/server/meetings/invitations.service.js';
import {
	listInvitationStatus,
	retryInvitationMail
} from '../../src/lib/server/meetings/invitation-status.service.js';
import type { MeetingInput } from '../../src/lib/server/meetings/meetings.schema.js';
import {
	cancelMeeting,
	createMeeting,
	getMeeting,
	listNetworkMeetings,
	sendMeetingUpdate,
	updateMeeting
} from '../../src/lib/server/meetings/meetings.service.js';
import { NetworkValidationError } from '../../src/lib/server/networks/networks.errors.js';
import {
	FeedNotFoundError,
	MeetingStateError,
	RsvpLinkError
} from '../../src/lib/server/meetings/meetings.errors.js';
import type { NetworkActor } from '../../src/lib/server/networks/networks.service.js';
import { createTestContact, giveConsent } from '../factories/contact.factory.js';
import { createTestNetwork } from '../factories/network.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { districtWithPartners } from '../support/scenarios.js';
import { parseIcs } from '../support/ics.js';
import { mimeParts } from '../support/mime.js';
import { startSmtpReceiver } from '../support/smtp.js';

const NOW = new Date('2027-03-01T09:00:00Z');
const CONTEXT = { origin: 'https://kitz.example', from: 'KITZ <kitz@kitz.example>' };
const people = {} as Record<'coordinator' | 'partner' | 'otherPartner' | 'viewer', NetworkActor>;
const contacts = {} as Record<
	'aylin' | 'vhsConsent' | 'vhsNoConsent' | 'vhsWithdrawn' | 'awo' | 'noEmail',
	number
>;
let networkId = 0;
let otherNetworkId = 0;
let meetingId = 0;
let uid = '';
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const stop of stops) await stop();
});

// Friday before the switch to summer time (CET, UTC+1); the Monday after is CEST (UTC+2).
const meetingInput = (overrides: Partial<MeetingInput> = {}): MeetingInput => ({
	title: 'Frühjahrstreffen',
	startsAt: '2027-03-26T10:00',
	endsAt: '2027-03-26T12:00',
	location: 'Kreishaus Schleswig, Raum 101',
	onlineUrl: null,
	description: 'Wir planen die Sprachkurse des Sommers.',
	agenda: [
		{
			title: 'Begrüßung',
			presenter: 'Kai Koordination',
			presenterContactId: null,
			startsAt: '2027-03-26T10:00',
			durationMinutes: 10
		},
		{
			title: 'Kursplanung',
			presenter: null,
			presenterContactId: null,
			startsAt: '2027-03-26T10:10',
			durationMinutes: 60
		}
	],
	...overrides
});

let feedToken = '';

async function outbox(db: Kysely<DB>) {
	return db
		.selectFrom('mailOutbox')
		.select(['id', 'toAddress', 'subject', 'textBody', 'attachments', 'sentAt'])
		.orderBy('id')
		.execute();
}

const icsOf = (mail: { attachments: string | null }) => {
	const [file] = JSON.parse(mail.attachments!) as {
		content: string;
		method: string;
		contentType: string;
	}[];
	return { ...parseIcs(file!.content), file: file! };
};
const tokenOf = (mail: { textBody: string }) => /\/de\/rsvp\/([\w-]{43})/.exec(mail.textBody)![1]!;

async function issuesOf(work: Promise<unknown>): Promise<string[]> {
	const failure = await work.then(
		() => null,
		(error: unknown) => error
	);
	expect(failure).toBeInstanceOf(NetworkValidationError);
	return (failure as NetworkValidationError).issues.map((issue) => `${issue.path}:${issue.code}`);
}

// A story on one database per dialect: the tests plan one meeting, then invite to it, answer,
// move it, deliver its mails, record attendance, feed and cancel it, each reading the meeting,
// the outbox and the links the tests before it left.
describeEachDialect(
	'meetings, invitations, RSVP, attendance and feeds',
	({ database }) => {
		it('plans a meeting with an agenda and refuses bad input with named problems', async () => {
			const db = database().db;
			meetingId = await createMeeting(db, people.coordinator, networkId, meetingInput(), NOW);
			const meeting = await getMeeting(db, people.coordinator, meetingId, NOW);
			uid = meeting.uid;
			expect(meeting).toMatchObject({
				status: 'planned',
				sequence: 0,
				invitationsSentAt: null,
				started: false,
				canManage: true
			});
			expect(meeting.agenda.map((item) => [item.title, item.presenter, item.startsAt])).toEqual([
				['Begrüßung', 'Kai Koordination', '2027-03-26T10:00'],
				['Kursplanung', null, '2027-03-26T10:10']
			]);
			expect(
				await issuesOf(
					createMeeting(
						db,
						people.coordinator,
						networkId,
						meetingInput({
							title: '',
							endsAt: '2027-03-26T09:00',
							location: '',
							onlineUrl: 'javascript:alert(1)',
							agenda: [
								{
									title: 'Spät',
									presenter: null,
									presenterContactId: null,
									startsAt: '2027-03-26T13:00',
									durationMinutes: 10
								}
							]
						}),
						NOW
					)
				)
			).toEqual([
				'title:too_small',
				'onlineUrl:invalid_format',
				'endsAt:end_before_start',
				'agenda.0.startsAt:slot_outside'
			]);
			expect(
				await issuesOf(
					createMeeting(
						db,
						people.coordinator,
						networkId,
						meetingInput({
							endsAt: '2027-03-26T09:00',
							location: null,
							agenda: [
								{
									title: 'Spät',
									presenter: null,
									presenterContactId: null,
									startsAt: '2027-03-26T13:00',
									durationMinutes: 10
								}
							]
						}),
						NOW
					)
				)
			).toEqual([
				'endsAt:end_before_start',
				'location:place_required',
				'agenda.0.startsAt:slot_outside'
			]);
			// Online only, with an https link, is fine.
			await createMeeting(
				db,
				people.coordinator,
				otherNetworkId,
				meetingInput({ location: null, onlineUrl: 'https://meet.example.org/frauen' }),
				NOW
			);
		});

		it('lets partners of member organisations and viewers read, but only staff change', async () => {
			const db = database().db;
			expect((await getMeeting(db, people.partner, meetingId, NOW)).canManage).toBe(false);
			expect((await getMeeting(db, people.viewer, meetingId, NOW)).canManage).toBe(false);
			await expect(getMeeting(db, people.otherPartner, meetingId, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(
				updateMeeting(db, people.partner, meetingId, meetingInput(), CONTEXT, NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				createMeeting(db, people.viewer, networkId, meetingInput(), NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				inviteMembers(db, people.partner, meetingId, CONTEXT, NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
			expect(
				(await listNetworkMeetings(db, people.partner, networkId, NOW)).map((m) => m.title)
			).toEqual(['Frühjahrstreffen']);
		});

		it('invites person members and consenting contacts of member organisations, each with an .ics', async () => {
			const db = database().db;
			expect(await inviteMembers(db, people.coordinator, meetingId, CONTEXT, NOW)).toEqual({
				invited: 2
			});
			const mails = await outbox(db);
			expect(mails.map((mail) => mail.toAddress).sort()).toEqual([
				'aylin@example.org',
				'vhs.ja@example.org'
			]);
			const mail = mails.find((candidate) => candidate.toAddress === 'aylin@example.org')!;
			expect(mail.subject).toBe(
				'Einladung zum Netzwerktreffen / Invitation to a network meeting: Frühjahrstreffen'
			);
			expect(mail.textBody).toContain('Netzwerk Sprache');
			expect(mail.textBody).toContain('Freitag, 26. März 2027, 10:00–12:00 Uhr');
			expect(mail.textBody).toContain('1. 10:00 Begrüßung (Kai Koordination)');
			const { method, events, file } = icsOf(mail);
			expect(file).toMatchObject({ contentType: 'text/calendar', method: 'REQUEST' });
			expect(method).toBe('REQUEST');
			expect(events).toHaveLength(1);
			expect(events[0]).toMatchObject({
				uid,
				sequence: 0,
				status: 'CONFIRMED',
				tzid: 'Europe/Berlin',
				// 10:00 in Berlin before the switch to summer time is 09:00 UTC.
				start: '2027-03-26T09:00:00.000Z',
				end: '2027-03-26T11:00:00.000Z',
				organizer: 'mailto:kitz@kitz.example'
			});
			expect(events[0]!.attendees.map((address) => address.toLowerCase())).toEqual([
				'mailto:aylin@example.org'
			]);
			expect(file.content).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin/);
			expect(file.content).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
			// Inviting again invites no one twice; a new member's contact gets the invitation.
			expect(await inviteMembers(db, people.coordinator, meetingId, CONTEXT, NOW)).toEqual({
				invited: 0
			});
			expect((await getMeeting(db, people.coordinator, meetingId, NOW)).invitationsSentAt).toBe(
				NOW.toISOString()
			);
		});

		it('takes answers by the personal link without login, changeable until the meeting starts', async () => {
			const db = database().db;
			const token = tokenOf(
				(await outbox(db)).find((mail) => mail.toAddress === 'aylin@example.org')!
			);
			const view = await readRsvp(db, token, NOW);
			expect(view).toMatchObject({ name: 'Aylin Demir', response: null, open: true });
			expect(view.meeting).toMatchObject({
				networkName: 'Netzwerk Sprache',
				title: 'Frühjahrstreffen',
				location: 'Kreishaus Schleswig, Raum 101'
			});
			expect(view.meeting.agenda).toHaveLength(2);
			expect((await answerRsvp(db, token, 'yes', NOW)).response).toBe('yes');
			expect((await answerRsvp(db, token, 'maybe', NOW)).response).toBe('maybe');
			await expect(answerRsvp(db, token, 'perhaps', NOW)).rejects.toBeInstanceOf(
				NetworkValidationError
			);
			await expect(readRsvp(db, 'x'.repeat(43), NOW)).rejects.toMatchObject({ problem: 'unknown' });
			await expect(readRsvp(db, '../../etc', NOW)).rejects.toBeInstanceOf(RsvpLinkError);
			const started = new Date('2027-03-26T09:30:00Z');
			expect((await readRsvp(db, token, started)).open).toBe(false);
			await expect(answerRsvp(db, token, 'no', started)).rejects.toMatchObject({
				problem: 'closed'
			});
		});

		it('moves the meeting across the DST switch: same UID, SEQUENCE 1, an update to everyone invited', async () => {
			const db = database().db;
			const oldToken = tokenOf(
				(await outbox(db)).find((mail) => mail.toAddress === 'aylin@example.org')!
			);
			const before = (await outbox(db)).length;
			const moved = meetingInput({
				startsAt: '2027-03-29T10:00',
				endsAt: '2027-03-29T12:00',
				agenda: [{ ...meetingInput().agenda[0]!, startsAt: '2027-03-29T10:00' }]
			});
			expect(await updateMeeting(db, people.coordinator, meetingId, moved, CONTEXT, NOW)).toEqual({
				notified: 2
			});
			const updates = (await outbox(db)).slice(before);
			expect(updates).toHaveLength(2);
			const update = updates.find((mail) => mail.toAddress === 'aylin@example.org')!;
			expect(update.subject).toContain('Geändertes Netzwerktreffen');
			const { method, events } = icsOf(update);
			expect(method).toBe('REQUEST');
			// 10:00 in Berlin after the switch is 08:00 UTC.
			expect(events[0]).toMatchObject({
				uid,
				sequence: 1,
				tzid: 'Europe/Berlin',
				start: '2027-03-29T08:00:00.000Z'
			});
			// Only the newest link answers; the answer given stays.
			await expect(readRsvp(db, oldToken, NOW)).rejects.toMatchObject({ problem: 'unknown' });
			expect((await readRsvp(db, tokenOf(update), NOW)).response).toBe('maybe');
			const meeting = await getMeeting(db, people.coordinator, meetingId, NOW);
			expect(meeting.agenda.map((item) => item.title)).toEqual(['Begrüßung']);
			// A change of the description alone sends nothing; "send update" sends on request.
			expect(
				await updateMeeting(
					db,
					people.coordinator,
					meetingId,
					{ ...moved, description: 'Neu' },
					CONTEXT,
					NOW
				)
			).toEqual({ notified: 0 });
			expect(await sendMeetingUpdate(db, people.coordinator, meetingId, CONTEXT, NOW)).toEqual({
				notified: 2
			});
			expect((await getMeeting(db, people.coordinator, meetingId, NOW)).sequence).toBe(2);
		});

		it('delivers the invitation through SMTP with a text/calendar part', async () => {
			const db = database().db;
			const receiver = await startSmtpReceiver();
			stops.push(receiver.stop);
			const transport = nodemailer.createTransport({
				host: '127.0.0.1',
				port: receiver.port,
				secure: false,
				ignoreTLS: true
			});
			const queued = (await outbox(db)).length;
			expect(await deliverDueMail(db, transport, CONTEXT.from, () => NOW)).toEqual({
				sent: queued,
				failed: 0
			});
			const received = receiver.received.find((mail) => mail.to.includes('aylin@example.org'))!;
			const calendarPart = mimeParts(received.raw).find((part) =>
				part.headers['content-type']?.startsWith('text/calendar')
			)!;
			expect(calendarPart.headers['content-type']).toContain('method=REQUEST');
			expect(parseIcs(calendarPart.body).events[0]!.uid).toBe(uid);
		});

		it('records attendance for the whole list in one step (staff only)', async () => {
			const db = database().db;
			const list = await listAttendance(db, people.coordinator, meetingId, NOW);
			expect(list.map((entry) => [entry.name, entry.response])).toEqual([
				['Aylin Demir', 'maybe'],
				['Vera Zustimmung', null]
			]);
			const [aylin, vera] = list;
			await expect(
				saveAttendance(
					db,
					people.partner,
					meetingId,
					[{ inviteeId: aylin!.inviteeId, attendance: 'present' }],
					NOW
				)
			).rejects.toBeInstanceOf(ForbiddenError);
			expect(
				await issuesOf(
					saveAttendance(
						db,
						people.coordinator,
						meetingId,
						[{ inviteeId: aylin!.inviteeId, attendance: 'asleep' }],
						NOW
					)
				)
			).toEqual([`attendance.${aylin!.inviteeId}:invalid_value`]);
			await saveAttendance(
				db,
				people.coordinator,
				meetingId,
				[
					{ inviteeId: aylin!.inviteeId, attendance: 'present' },
					{ inviteeId: vera!.inviteeId, attendance: 'excused' }
				],
				NOW
			);
			expect(
				(await listAttendance(db, people.viewer, meetingId, NOW)).map((entry) => entry.attendance)
			).toEqual(['present', 'excused']);
		});

		it('serves feeds per network and per person; revoked tokens end', async () => {
			const db = database().db;
			const feed = await createFeed(db, people.coordinator, { networkId }, NOW);
			const personal = await createFeed(db, people.coordinator, { contactId: contacts.aylin }, NOW);
			await expect(createFeed(db, people.partner, { networkId }, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			const network = parseIcs((await feedByToken(db, feed.token, NOW)).calendar);
			expect(network.method).toBe('PUBLISH');
			expect(network.events.map((event) => [event.uid, event.start])).toEqual([
				[uid, '2027-03-29T08:00:00.000Z']
			]);
			const person = parseIcs((await feedByToken(db, personal.token, NOW)).calendar);
			expect(person.events.map((event) => event.uid)).toEqual([uid]);
			await revokeFeed(db, people.coordinator, feed.id, NOW);
			await expect(feedByToken(db, feed.token, NOW)).rejects.toBeInstanceOf(FeedNotFoundError);
			await expect(feedByToken(db, 'nonsense', NOW)).rejects.toBeInstanceOf(FeedNotFoundError);
			const again = await createFeed(db, people.coordinator, { networkId }, NOW);
			feedToken = again.token;
		});

		it('cancels with METHOD:CANCEL, the same UID and the next SEQUENCE; feeds show it cancelled', async () => {
			const db = database().db;
			const token = tokenOf(
				(await outbox(db)).filter((mail) => mail.toAddress === 'aylin@example.org').at(-1)!
			);
			const before = (await outbox(db)).length;
			expect(await cancelMeeting(db, people.coordinator, meetingId, CONTEXT, NOW)).toEqual({
				notified: 2
			});
			const cancellation = (await outbox(db))
				.slice(before)
				.find((mail) => mail.toAddress === 'aylin@example.org')!;
			expect(cancellation.subject).toContain('Netzwerktreffen abgesagt');
			expect(cancellation.textBody).not.toContain('/rsvp/');
			const { method, events, file } = icsOf(cancellation);
			expect(file.method).toBe('CANCEL');
			expect(method).toBe('CANCEL');
			expect(events[0]).toMatchObject({ uid, sequence: 3, status: 'CANCELLED' });
			await expect(answerRsvp(db, token, 'yes', NOW)).rejects.toMatchObject({
				problem: 'cancelled'
			});
			expect((await readRsvp(db, token, NOW)).meeting.status).toBe('cancelled');
			await expect(
				cancelMeeting(db, people.coordinator, meetingId, CONTEXT, NOW)
			).rejects.toBeInstanceOf(MeetingStateError);
			await expect(
				inviteMembers(db, people.coordinator, meetingId, CONTEXT, NOW)
			).rejects.toBeInstanceOf(MeetingStateError);
			const feed = parseIcs((await feedByToken(db, feedToken, NOW)).calendar);
			expect(feed.events.map((event) => [event.uid, event.status])).toEqual([[uid, 'CANCELLED']]);
		});

		it('shows per invitee whether the newest mail was sent or failed, and retries a failed one', async () => {
			const db = database().db;
			const receiver = await startSmtpReceiver();
			stops.push(receiver.stop);
			receiver.rejected.add('vhs.ja@example.org');
			const transport = nodemailer.createTransport({
				host: '127.0.0.1',
				port: receiver.port,
				secure: false,
				ignoreTLS: true
			});
			// The cancellation mails of the test before are the newest, still queued.
			const nameOf = async (email: string) =>
				(
					await db
						.selectFrom('contacts')
						.select('name')
						.where('email', '=', email)
						.executeTakeFirstOrThrow()
				).name;
			const names = {
				aylin: await nameOf('aylin@example.org'),
				jana: await nameOf('vhs.ja@example.org')
			};
			const statusOf = async (name: string) =>
				(await listInvitationStatus(db, people.coordinator, meetingId, NOW)).find(
					(row) => row.name === name
				)!;
			const byAddress = async () =>
				new Map([
					['aylin', (await statusOf(names.aylin)).mail],
					['jana', (await statusOf(names.jana)).mail]
				]);
			expect([...(await byAddress()).values()]).toEqual([{ state: 'queued' }, { state: 'queued' }]);
			expect(await deliverDueMail(db, transport, CONTEXT.from, () => NOW)).toEqual({
				sent: 1,
				failed: 1
			});
			const states = await byAddress();
			expect(states.get('aylin')).toMatchObject({ state: 'sent' });
			const failed = states.get('jana');
			expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
			expect(failed?.state === 'failed' && failed.error).toContain('550');
			const aylin = (await statusOf(names.aylin)).inviteeId;
			const jana = (await statusOf(names.jana)).inviteeId;

			// Only those who run the meeting see it and retry; only a failed mail is retried.
			await expect(listInvitationStatus(db, people.partner, meetingId, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(
				retryInvitationMail(db, people.partner, meetingId, jana, NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				retryInvitationMail(db, people.coordinator, meetingId, aylin, NOW)
			).rejects.toEqual(new MeetingStateError('mail_not_failed'));

			receiver.rejected.clear();
			await retryInvitationMail(db, people.coordinator, meetingId, jana, NOW);
			expect((await byAddress()).get('jana')).toEqual({ state: 'queued' });
			const audit = await db
				.selectFrom('auditLog')
				.select(['entity', 'entityId'])
				.where('action', '=', 'meeting.mail_retry')
				.execute();
			expect(audit).toEqual([{ entity: 'meeting_invitee', entityId: jana }]);
			expect(await deliverDueMail(db, transport, CONTEXT.from, () => NOW)).toEqual({
				sent: 1,
				failed: 0
			});
			expect((await byAddress()).get('jana')).toMatchObject({ state: 'sent' });
			expect(receiver.received.map((mail) => mail.to).flat()).toContain('vhs.ja@example.org');
		});
	},
	async ({ db }) => {
		const world = await districtWithPartners(db);
		const { districtId: district, vhs, awo } = world;
		contacts.aylin = await createTestContact(db, {
			districtId: district,
			name: 'Aylin Demir',
			email: 'aylin@example.org'
		});
		contacts.vhsConsent = await createTestContact(db, {
			districtId: district,
			name: 'Vera Zustimmung',
			email: 'vhs.ja@example.org',
			organisationId: vhs
		});
		contacts.vhsNoConsent = await createTestContact(db, {
			districtId: district,
			name: 'Nils Ohne',
			email: 'vhs.nein@example.org',
			organisationId: vhs
		});
		contacts.vhsWithdrawn = await createTestContact(db, {
			districtId: district,
			name: 'Wanda Widerruf',
			email: 'vhs.widerruf@example.org',
			organisationId: vhs
		});
		contacts.awo = await createTestContact(db, {
			districtId: district,
			name: 'Anton AWO',
			email: 'awo@example.org',
			organisationId: awo
		});
		contacts.noEmail = await createTestContact(db, {
			districtId: district,
			name: 'Otto Ohnepost',
			email: null
		});
		await giveConsent(db, district, contacts.vhsConsent);
		await giveConsent(db, district, contacts.vhsWithdrawn, { withdrawnOn: '2026-12-01' });
		await giveConsent(db, district, contacts.awo);
		networkId = await createTestNetwork(db, {
			districtId: district,
			name: 'Netzwerk Sprache',
			members: [
				{ organisationId: vhs },
				{ contactId: contacts.aylin, role: 'speaker' },
				{ contactId: contacts.noEmail }
			]
		});
		otherNetworkId = await createTestNetwork(db, {
			districtId: district,
			name: 'Netzwerk Frauen',
			members: [{ organisationId: awo }]
		});
		people.coordinator = await world.staff('coordinator');
		people.partner = await world.staff('partner_editor', [vhs]);
		people.otherPartner = await world.staff('partner_editor', [awo]);
		people.viewer = await world.staff('viewer');
	}
);
