import { expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import type { Database } from '../../src/lib/server/db/database.js';
import { MeetingNotFoundError } from '../../src/lib/server/meetings/meetings.errors.js';
import { getMeeting } from '../../src/lib/server/meetings/meetings.service.js';
import { listBoard, parseBoardFilters } from '../../src/lib/server/minutes/board.service.js';
import {
	MinutesValidationError,
	TaskNotFoundError
} from '../../src/lib/server/minutes/minutes.errors.js';
import { releaseMinutes } from '../../src/lib/server/minutes/minutes-release.service.js';
import { addFollowUpTask, getMinutes } from '../../src/lib/server/minutes/minutes.service.js';
import { sendTaskReminders } from '../../src/lib/server/minutes/task-reminders.service.js';
import {
	changeTaskStatus,
	ownerOptions,
	type Editor
} from '../../src/lib/server/minutes/tasks.service.js';
import { createTestContact } from '../factories/contact.factory.js';
import { createTestMeeting, type TestMeeting } from '../factories/meeting.factory.js';
import { createTestNetwork } from '../factories/network.factory.js';
import { createTestTask } from '../factories/task.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { districtWithPartners } from '../support/scenarios.js';

// Tuesday 10 November 2026, 17:30 in Berlin, after the meeting; the AWO joins on 1 December.
const NOW = new Date('2026-11-10T16:30:00.000Z');
const JOINS_ON = '2026-12-01';
const ORIGIN = 'https://kitz.example.org';

const actors = {} as Record<'coordinator' | 'vhsPartner' | 'awoPartner', Editor>;
const ids = { districtId: 0, vhs: 0, awo: 0, network: 0, fatma: 0, greta: 0 };
let meeting: TestMeeting;
let planning: TestMeeting;

/**
 * The VHS has long been a member of the network; the AWO and Greta are entered as members from
 * 1 December. Until then they count as members nowhere: not on the network's page, not for its
 * meetings, and so not for its minutes, tasks and board either.
 */
async function seed(database: Database) {
	const db = database.db;
	const world = await districtWithPartners(db);
	const districtId = (ids.districtId = world.districtId);
	ids.vhs = world.vhs;
	ids.awo = world.awo;
	actors.coordinator = await world.staff('coordinator');
	actors.vhsPartner = await world.staff('partner_editor', [ids.vhs]);
	actors.awoPartner = await world.staff('partner_editor', [ids.awo]);
	const bernd = await createTestContact(db, {
		districtId,
		name: 'Bernd Weiß',
		email: 'bernd@vhs.example',
		organisationId: ids.vhs,
		networkConsent: true
	});
	ids.fatma = await createTestContact(db, {
		districtId,
		name: 'Fatma AWO',
		email: 'fatma@awo.example',
		organisationId: ids.awo,
		networkConsent: true
	});
	ids.greta = await createTestContact(db, {
		districtId,
		name: 'Greta Neu',
		email: 'greta@example.org'
	});
	ids.network = await createTestNetwork(db, {
		districtId,
		name: 'Netzwerk Sprache',
		members: [
			{ organisationId: ids.vhs },
			{ organisationId: ids.awo, joinedOn: JOINS_ON },
			{ contactId: ids.greta, joinedOn: JOINS_ON }
		]
	});
	meeting = await createTestMeeting(db, {
		networkId: ids.network,
		title: 'Netzwerktreffen November',
		startsAt: '2026-11-10T14:00',
		invitees: [{ contactId: bernd, attendance: 'present' }]
	});
	planning = await createTestMeeting(db, {
		networkId: ids.network,
		title: 'Planungsrunde',
		startsAt: '2026-11-10T10:00'
	});
}

/** Addresses of the mails queued since `before` was read. */
async function queuedSince(database: Database, before: { id: number }[]) {
	const mails = await database.db.selectFrom('mailOutbox').select(['id', 'toAddress']).execute();
	return mails
		.filter((mail) => !before.some((earlier) => earlier.id === mail.id))
		.map((mail) => mail.toAddress);
}

// One database per dialect: each test reads only the mails queued while it ran and its own
// tasks; the meeting whose minutes the first test releases is not written to by the others.
describeEachDialect(
	'minutes and tasks of members who have not joined yet',
	({ database }) => {
		it('lets a partner read released minutes only once their organisation has joined', async () => {
			const db = database().db;
			const before = await db.selectFrom('mailOutbox').select('id').execute();
			// The meeting itself is already closed to them.
			await expect(getMeeting(db, actors.awoPartner, meeting.id, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			expect(
				await releaseMinutes(db, actors.coordinator, meeting.id, { origin: ORIGIN }, NOW)
			).toEqual({ mailed: 1 });
			expect(await queuedSince(database(), before)).toEqual(['bernd@vhs.example']);
			expect((await getMinutes(db, actors.vhsPartner, meeting.id, NOW)).meeting.id).toBe(
				meeting.id
			);
			await expect(getMinutes(db, actors.awoPartner, meeting.id, NOW)).rejects.toBeInstanceOf(
				MeetingNotFoundError
			);
			// From the joining day on, they read them.
			const joined = new Date('2026-12-01T09:00:00.000Z');
			expect((await getMinutes(db, actors.awoPartner, meeting.id, joined)).meeting.id).toBe(
				meeting.id
			);
		});

		it('gives tasks only to members and their people, and shows others none on the board', async () => {
			const db = database().db;
			const keys = (await ownerOptions(db, ids.districtId, ids.network, NOW)).map((o) => o.key);
			expect(keys).toContain(`organisation:${ids.vhs}`);
			for (const key of [`organisation:${ids.awo}`, `contact:${ids.fatma}`, `contact:${ids.greta}`])
				expect(keys).not.toContain(key);
			await expect(
				addFollowUpTask(
					db,
					actors.coordinator,
					planning.id,
					{
						title: 'Räume klären',
						description: '',
						owner: { organisationId: ids.awo },
						dueOn: '2026-11-30',
						status: 'open',
						agendaItemId: null,
						actionField: null,
						networkId: null,
						offer: null
					},
					NOW
				)
			).rejects.toBeInstanceOf(MinutesValidationError);

			// A task the AWO owned from an earlier membership: not theirs to see or change yet.
			const task = await createTestTask(db, {
				districtId: ids.districtId,
				networkId: ids.network,
				title: 'Flyer verteilen',
				ownerOrganisationId: ids.awo,
				dueOn: '2026-12-15',
				// Written down once the AWO had joined: the service takes only members as owners.
				now: new Date(`${JOINS_ON}T09:00:00Z`)
			});
			const board = await listBoard(
				db,
				actors.awoPartner,
				parseBoardFilters(new URLSearchParams('')).filters,
				NOW
			);
			expect(board.rows).toEqual([]);
			expect(board.options.networks).toEqual([]);
			await expect(
				changeTaskStatus(db, actors.awoPartner, task, 'done', NOW)
			).rejects.toBeInstanceOf(TaskNotFoundError);
		});

		it('reminds a person owner who has not joined yet only with their consent', async () => {
			const db = database().db;
			const before = await db.selectFrom('mailOutbox').select('id').execute();
			await createTestTask(db, {
				districtId: ids.districtId,
				networkId: ids.network,
				title: 'Bericht schreiben',
				ownerContactId: ids.greta,
				dueOn: '2026-11-12'
			});
			await sendTaskReminders(db, { origin: ORIGIN }, NOW);
			expect(await queuedSince(database(), before)).not.toContain('greta@example.org');
		});
	},
	seed
);
