import { expect, it } from 'vitest';
import { feedCalendar } from '../../src/lib/server/meetings/meeting-ics.js';
import { inviteMembers } from '../../src/lib/server/meetings/invitations.service.js';
import {
	createMeeting,
	createMeetingSeries,
	getMeeting,
	updateMeeting
} from '../../src/lib/server/meetings/meetings.service.js';
import { NetworkValidationError } from '../../src/lib/server/networks/networks.errors.js';
import type { NetworkActor } from '../../src/lib/server/networks/networks.service.js';
import { createTestAccount } from '../factories/account.factory.js';
import { createTestContact } from '../factories/contact.factory.js';
import { createTestNetwork } from '../factories/network.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { parseIcs } from '../support/ics.js';

const NOW = new Date('2026-12-01T09:00:00Z');
let coordinator: NetworkActor;
let networkId = 0;
let memberNetworkId = 0;
let memberEmails: string[] = [];

// One database per dialect: each test plans its own meetings and compares the meetings and mails
// with those there before it began, so none depends on what the others wrote.
describeEachDialect(
	'meeting series',
	({ database }) => {
		it('repeats a meeting on the same weekday of the month, in Berlin time across daylight saving', async () => {
			const db = database().db;
			const ids = await createMeetingSeries(
				db,
				coordinator,
				networkId,
				{
					title: 'Netzwerktreffen',
					// The second Tuesday of January 2027, 10:00 in Berlin (winter time).
					startsAt: '2027-01-12T10:00',
					endsAt: '2027-01-12T12:00',
					location: 'Kreishaus Schleswig',
					onlineUrl: null,
					description: '',
					agenda: [
						{
							title: 'Berichte aus den Trägern',
							presenter: null,
							presenterContactId: null,
							startsAt: '2027-01-12T10:30',
							durationMinutes: 30
						}
					]
				},
				{ every: 'quarterly', count: 3 },
				NOW
			);
			expect(ids).toHaveLength(3);
			const meetings = await Promise.all(ids.map((id) => getMeeting(db, coordinator, id, NOW)));
			expect(meetings.map((meeting) => [meeting.startsAt, meeting.endsAt])).toEqual([
				['2027-01-12T10:00', '2027-01-12T12:00'],
				['2027-04-13T10:00', '2027-04-13T12:00'],
				['2027-07-13T10:00', '2027-07-13T12:00']
			]);
			expect(meetings.map((meeting) => meeting.agenda[0]!.startsAt)).toEqual([
				'2027-01-12T10:30',
				'2027-04-13T10:30',
				'2027-07-13T10:30'
			]);
			expect(new Set(meetings.map((meeting) => meeting.uid)).size).toBe(3);
			// 10:00 in Berlin is 09:00 UTC in winter and 08:00 UTC in summer.
			const feed = parseIcs(feedCalendar('Netzwerk', meetings));
			expect(feed.events.map((event) => [event.tzid, event.start])).toEqual([
				['Europe/Berlin', '2027-01-12T09:00:00.000Z'],
				['Europe/Berlin', '2027-04-13T08:00:00.000Z'],
				['Europe/Berlin', '2027-07-13T08:00:00.000Z']
			]);
		});

		it('names a series of one or of more than twelve meetings as a problem and plans none', async () => {
			const db = database().db;
			const before = await db.selectFrom('meetings').select('id').execute();
			for (const count of [1, 13])
				await expect(
					createMeetingSeries(
						db,
						coordinator,
						networkId,
						{
							title: 'Treffen',
							startsAt: '2027-02-02T10:00',
							endsAt: '2027-02-02T11:00',
							location: 'Kreishaus',
							onlineUrl: null,
							description: '',
							agenda: []
						},
						{ every: 'monthly', count },
						NOW
					)
				).rejects.toBeInstanceOf(NetworkValidationError);
			expect(await db.selectFrom('meetings').select('id').execute()).toEqual(before);
		});

		it('invites each member once even when "invite" is clicked twice at the same moment', async () => {
			const db = database().db;
			const queuedBefore = await db.selectFrom('mailOutbox').select('id').execute();
			const queued = async () =>
				(await db.selectFrom('mailOutbox').select(['id', 'toAddress']).execute()).filter(
					(mail) => !queuedBefore.some((before) => before.id === mail.id)
				);
			const meetingId = await createMeeting(
				db,
				coordinator,
				memberNetworkId,
				{
					title: 'Treffen',
					startsAt: '2027-03-02T10:00',
					endsAt: '2027-03-02T11:00',
					location: 'Kreishaus',
					onlineUrl: null,
					description: '',
					agenda: []
				},
				NOW
			);
			const context = { origin: 'https://kitz.example', from: 'KITZ <kitz@kitz.example>' };
			await Promise.all([
				inviteMembers(db, coordinator, meetingId, context, NOW),
				inviteMembers(db, coordinator, meetingId, context, NOW)
			]);
			const invitees = await db
				.selectFrom('meetingInvitees')
				.select('contactId')
				.where('meetingId', '=', meetingId)
				.execute();
			expect(invitees).toHaveLength(2);
			expect((await queued()).map((mail) => mail.toAddress).sort()).toEqual(memberEmails.sort());

			// Once it has taken place, correcting its time mails no one.
			const afterwards = new Date('2027-03-03T09:00:00Z');
			const meeting = await getMeeting(db, coordinator, meetingId, afterwards);
			const corrected = await updateMeeting(
				db,
				coordinator,
				meetingId,
				{ ...meeting, startsAt: '2027-03-02T10:15', agenda: [] },
				context,
				afterwards
			);
			expect(corrected).toEqual({ notified: 0 });
			expect(await queued()).toHaveLength(2);
		});
	},
	async (database) => {
		const places = await createDistrictsAndPlaces(database.db);
		const districtId = places.districts.schleswigFlensburg;
		const { id } = await createTestAccount(database.db, { districtId, role: 'coordinator' });
		coordinator = { id, role: 'coordinator', districtId, organisationIds: [] };
		networkId = await createTestNetwork(database.db, { districtId });
		memberEmails = ['serie.eins@example.org', 'serie.zwei@example.org'];
		const members = await Promise.all(
			memberEmails.map((email) => createTestContact(database.db, { districtId, email }))
		);
		memberNetworkId = await createTestNetwork(database.db, {
			districtId,
			members: members.map((contactId) => ({ contactId }))
		});
	}
);
