import nodemailer from 'nodemailer';
import { afterAll, expect, it } from 'vitest';
import { deliverDueMail } from '../../src/lib/server/mail/mail.service.js';
import type { Database } from '../../src/lib/server/db/database.js';
import {
	MinutesBeforeMeetingError,
	MinutesReleasedError,
	MinutesValidationError,
	MinutesWithoutAttendanceError
} from '../../src/lib/server/minutes/minutes.errors.js';
import { MeetingNotFoundError } from '../../src/lib/server/meetings/meetings.errors.js';
import {
	minutesFile,
	releaseMinutes
} from '../../src/lib/server/minutes/minutes-release.service.js';
import { addDecision, removeDecision } from '../../src/lib/server/minutes/decisions.service.js';
import {
	addFollowUpTask,
	getMinutes,
	saveMinutes
} from '../../src/lib/server/minutes/minutes.service.js';
import type { TaskInput } from '../../src/lib/server/minutes/tasks.schema.js';
import { changeTaskStatus, type Editor } from '../../src/lib/server/minutes/tasks.service.js';
import { createTestContact } from '../factories/contact.factory.js';
import { createTestMeeting, type TestMeeting } from '../factories/meeting.factory.js';
import { createTestNetwork } from '../factories/network.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { districtWithPartners } from '../support/scenarios.js';
import { docxText, pdfText } from '../support/documents.js';
import { startSmtpReceiver } from '../support/smtp.js';

const NOW = new Date('2026-11-10T16:30:00.000Z');
const ORIGIN = 'https://kitz.example.org';
const MINUTES = [
	'Die Volkshochschule berichtet über **größere Räume** für die Sprachkurse.',
	'',
	'- Kinderbetreuung während der Kurse',
	'- Fahrtkosten für Teilnehmerinnen aus Süderbrarup',
	'',
	'<script>alert("x")</script> bleibt Text.'
].join('\n');
const DECISION = 'Das Netzwerk beantragt Mittel für einen Frauenkurs in Kappeln (Straßenfest).';

const actors = {} as Record<'coordinator' | 'vhsPartner' | 'otherPartner' | 'viewer', Editor>;
const ids = {
	districtId: 0,
	vhs: 0,
	awo: 0,
	other: 0,
	network: 0,
	anna: 0,
	bernd: 0,
	carla: 0,
	dora: 0,
	erik: 0,
	ohneMail: 0,
	awoContact: 0
};
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const stop of stops) await stop();
});

/** Attachments of a raw MIME mail: content type, file name and decoded bytes. */
function rawParts(raw: string) {
	const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)![1]!;
	return raw.split(`--${boundary}`).flatMap((chunk) => {
		const split = /\r?\n\r?\n/.exec(chunk);
		if (!split) return [];
		const headers = chunk.slice(0, split.index).replace(/\r?\n[ \t]+/g, ' ');
		const type = /content-type:\s*([^;\r\n]+)/i.exec(headers)?.[1] ?? '';
		const name = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1] ?? '';
		if (!name) return [];
		const body = Buffer.from(chunk.slice(split.index).replace(/\s+/g, ''), 'base64');
		return [{ type, name, body }];
	});
}

let first: TestMeeting;
let second: TestMeeting;

async function seed(database: Database) {
	const db = database.db;
	const world = await districtWithPartners(db);
	const districtId = (ids.districtId = world.districtId);
	ids.vhs = world.vhs;
	ids.awo = world.awo;
	ids.other = await createOrganisation(db, { districtId, name: 'Sportverein Gelting' });
	actors.coordinator = await world.staff('coordinator');
	actors.vhsPartner = await world.staff('partner_editor', [ids.vhs]);
	actors.otherPartner = await world.staff('partner_editor', [ids.other]);
	actors.viewer = await world.staff('viewer');
	const person = (name: string, extra: Partial<Parameters<typeof createTestContact>[1]> = {}) =>
		createTestContact(db, { districtId, name, ...extra });
	ids.anna = await person('Anna Özdemir', { email: 'anna@example.org' });
	ids.ohneMail = await person('Ohne Mail', { email: null });
	ids.bernd = await person('Bernd Weiß', {
		email: 'bernd@vhs.example',
		organisationId: ids.vhs,
		networkConsent: true
	});
	ids.carla = await person('Carla Ohne Einwilligung', {
		email: 'carla@vhs.example',
		organisationId: ids.vhs
	});
	ids.dora = await person('Dora Widerruf', {
		email: 'dora@vhs.example',
		organisationId: ids.vhs,
		networkConsent: 'withdrawn'
	});
	ids.erik = await person('Erik Gelöscht', {
		email: null,
		anonymised: true,
		organisationId: ids.vhs,
		networkConsent: true
	});
	ids.awoContact = await person('Fatma AWO', {
		email: 'fatma@awo.example',
		organisationId: ids.awo,
		networkConsent: true
	});
	ids.network = await createTestNetwork(db, {
		districtId,
		name: 'Netzwerk Sprache & Bildung',
		members: [
			{ organisationId: ids.vhs },
			{ organisationId: ids.awo },
			{ contactId: ids.anna },
			{ contactId: ids.ohneMail }
		]
	});
	first = await createTestMeeting(db, {
		networkId: ids.network,
		title: 'Netzwerktreffen November',
		startsAt: '2026-11-10T14:00',
		endsAt: '2026-11-10T16:00',
		agenda: ['Begrüßung', 'Sprachkurse für Frauen'],
		invitees: [
			{ contactId: ids.anna, attendance: 'present' },
			{ contactId: ids.erik, attendance: 'present' },
			{ contactId: ids.bernd, attendance: 'excused' },
			{ contactId: ids.carla, attendance: 'absent' }
		]
	});
	second = await createTestMeeting(db, {
		networkId: ids.network,
		title: 'Netzwerktreffen Dezember',
		startsAt: '2026-12-08T14:00',
		agenda: ['Begrüßung']
	});
}

const task = (overrides: Partial<TaskInput> = {}): TaskInput => ({
	title: 'Räume für den Frauenkurs klären',
	description: '',
	owner: { organisationId: ids.vhs },
	dueOn: '2026-11-30',
	status: 'open',
	agendaItemId: first.items[1]!,
	actionField: 'women',
	networkId: null,
	offer: null,
	...overrides
});

// A story on one database per dialect: the first test writes the November minutes, decisions and
// tasks that the later ones refuse changes to, carry over, render, release and mail (reading the
// whole outbox); the last test releases the December meeting.
describeEachDialect(
	'minutes, decisions and follow-up tasks',
	({ database }) => {
		it('staff write minutes per item, decisions and tasks; the page renders Markdown safely', async () => {
			const db = database().db;
			await saveMinutes(
				db,
				actors.coordinator,
				first.id,
				new Map([[first.items[1]!, MINUTES]]),
				NOW
			);
			await addDecision(
				db,
				actors.coordinator,
				first.id,
				{ agendaItemId: first.items[1]!, text: DECISION },
				NOW
			);
			const general = await addDecision(
				db,
				actors.coordinator,
				first.id,
				{ agendaItemId: null, text: 'Nächstes Treffen im Dezember.' },
				NOW
			);
			await addFollowUpTask(db, actors.coordinator, first.id, task(), NOW);
			await addFollowUpTask(
				db,
				actors.coordinator,
				first.id,
				task({
					title: 'Flyer übersetzen',
					owner: { contactId: ids.anna },
					agendaItemId: null,
					dueOn: '2026-12-01'
				}),
				NOW
			);
			const view = await getMinutes(db, actors.coordinator, first.id, NOW);
			expect(view.may.manage).toBe(true);
			const item = view.items[1]!;
			expect(item.minutes).toBe(MINUTES);
			expect(item.minutesHtml).toContain('<strong>größere Räume</strong>');
			expect(item.minutesHtml).not.toContain('<script>');
			expect(item.decisions.map((decision) => decision.text)).toEqual([DECISION]);
			expect(item.tasks).toMatchObject([
				{ title: 'Räume für den Frauenkurs klären', ownerName: 'Volkshochschule Kappeln' }
			]);
			expect(view.general.decisions.map((decision) => decision.id)).toEqual([general]);
			expect(view.general.tasks).toMatchObject([
				{ title: 'Flyer übersetzen', ownerName: 'Anna Özdemir' }
			]);
			expect(view.attendance.present).toEqual([{ name: 'Anna Özdemir' }, { name: null }]);
			expect(view.attendance.excused).toEqual([{ name: 'Bernd Weiß' }]);
			// Every change is in the audit log.
			const audit = await db
				.selectFrom('auditLog')
				.select('action')
				.where('action', 'in', ['minutes.item_saved', 'decision.created', 'task.created'])
				.execute();
			expect(audit).toHaveLength(5);
		});

		it('refuses owners outside the network, foreign agenda items and empty decisions', async () => {
			const db = database().db;
			const problem = async (input: TaskInput) => {
				try {
					await addFollowUpTask(db, actors.coordinator, first.id, input, NOW);
				} catch (failure) {
					expect(failure).toBeInstanceOf(MinutesValidationError);
					return (failure as MinutesValidationError).issues;
				}
				throw new Error('accepted');
			};
			expect(await problem(task({ owner: { organisationId: ids.other } }))).toEqual({
				owner: 'office.task.error.owner'
			});
			expect(await problem(task({ agendaItemId: second.items[0]! }))).toEqual({
				agendaItemId: 'office.task.error.agendaItem'
			});
			await expect(
				addDecision(db, actors.coordinator, first.id, { agendaItemId: null, text: '  ' }, NOW)
			).rejects.toBeInstanceOf(MinutesValidationError);
			const temporary = await addDecision(
				db,
				actors.coordinator,
				first.id,
				{ agendaItemId: null, text: 'Versehentlich' },
				NOW
			);
			await removeDecision(db, actors.coordinator, first.id, temporary, NOW);
			const view = await getMinutes(db, actors.coordinator, first.id, NOW);
			expect(view.general.decisions.map((decision) => decision.text)).toEqual([
				'Nächstes Treffen im Dezember.'
			]);
		});

		it('hides unreleased minutes from partners and viewers, and partners cannot write', async () => {
			const db = database().db;
			for (const actor of [actors.vhsPartner, actors.otherPartner, actors.viewer])
				await expect(getMinutes(db, actor, first.id, NOW)).rejects.toBeInstanceOf(
					MeetingNotFoundError
				);
			await expect(
				minutesFile(db, actors.vhsPartner, first.id, 'pdf', 'de', NOW)
			).rejects.toBeInstanceOf(MeetingNotFoundError);
			await expect(
				saveMinutes(db, actors.vhsPartner, first.id, new Map([[first.items[0]!, 'x']]), NOW)
			).rejects.toThrow(/may not/);
			await expect(
				releaseMinutes(db, actors.vhsPartner, first.id, { origin: ORIGIN }, NOW)
			).rejects.toThrow();
		});

		it('open tasks carry into the next meeting until they are done', async () => {
			const db = database().db;
			const later = await getMinutes(db, actors.coordinator, second.id, NOW);
			expect(later.carriedTasks.map((carried) => carried.title).sort()).toEqual([
				'Flyer übersetzen',
				'Räume für den Frauenkurs klären'
			]);
			expect(later.carriedTasks[0]).toMatchObject({ meetingTitle: 'Netzwerktreffen November' });
			// The meeting the tasks come from lists them as its own, not as carried over.
			const own = await getMinutes(db, actors.coordinator, first.id, NOW);
			expect(own.carriedTasks).toEqual([]);
			const flyer = own.general.tasks[0]!;
			await changeTaskStatus(db, actors.coordinator, flyer.id, 'done', NOW);
			const after = await getMinutes(db, actors.coordinator, second.id, NOW);
			expect(after.carriedTasks.map((carried) => carried.title)).toEqual([
				'Räume für den Frauenkurs klären'
			]);
		});

		it('builds a DOCX with headings, umlauts, minutes and decisions', async () => {
			const file = await minutesFile(
				database().db,
				actors.coordinator,
				first.id,
				'docx',
				'de',
				NOW
			);
			expect(file.contentType).toContain('wordprocessingml');
			expect(file.filename).toBe(`protokoll-2026-11-10-${first.id}.docx`);
			const { xml, text } = await docxText(file.body);
			expect(xml).toContain('w:pStyle w:val="Heading1"');
			for (const expected of [
				'Protokoll: Netzwerktreffen November',
				'Netzwerk Sprache & Bildung',
				'Dienstag, 10. November 2026',
				'14:00–16:00 Uhr',
				'Kreishaus Schleswig, Raum 2',
				'Entwurf, noch nicht freigegeben',
				'Anwesenheit',
				'Anna Özdemir, Ehemalige Teilnehmerin / ehemaliger Teilnehmer',
				'Bernd Weiß',
				'2. Sprachkurse für Frauen',
				'größere Räume',
				'Fahrtkosten für Teilnehmerinnen aus Süderbrarup',
				'<script>alert("x")</script> bleibt Text.',
				'Beschlüsse',
				DECISION,
				'Räume für den Frauenkurs klären',
				'Volkshochschule Kappeln, fällig am 30. November 2026, offen'
			])
				expect(text).toContain(expected);
			expect(text).not.toContain('Erik');
		});

		it('builds a PDF with embedded fonts whose text reads back with umlauts and ß', async () => {
			const file = await minutesFile(database().db, actors.coordinator, first.id, 'pdf', 'de', NOW);
			expect(file.contentType).toBe('application/pdf');
			expect(file.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			expect(file.body.toString('latin1')).toContain('/FontFile2');
			const { text } = await pdfText(file.body);
			for (const expected of [
				'Protokoll: Netzwerktreffen November',
				'Anwesenheit',
				'Bernd Weiß',
				'Sprachkurse für Frauen',
				'größere Räume',
				'Straßenfest',
				'Räume für den Frauenkurs klären'
			])
				expect(text).toContain(expected);
		});

		it('release locks the minutes, opens them to members and mails each member person once', async () => {
			const db = database().db;
			const { mailed } = await releaseMinutes(
				db,
				actors.coordinator,
				first.id,
				{ origin: ORIGIN },
				NOW
			);
			const mails = await db
				.selectFrom('mailOutbox')
				.select(['toAddress', 'subject', 'textBody', 'attachments'])
				.orderBy('toAddress')
				.execute();
			// Person members with an address, and people of member organisations who consented.
			expect(mails.map((mail) => mail.toAddress)).toEqual([
				'anna@example.org',
				'bernd@vhs.example',
				'fatma@awo.example'
			]);
			expect(mailed).toBe(3);
			expect(mails[0]!.subject).toBe(
				'Protokoll freigegeben / Minutes released – Netzwerktreffen November'
			);
			expect(mails[0]!.textBody).toContain(`${ORIGIN}/de/office/meetings/${first.id}/minutes`);

			// Delivered through SMTP with both documents attached, intact.
			const receiver = await startSmtpReceiver();
			stops.push(receiver.stop);
			const transport = nodemailer.createTransport({
				host: '127.0.0.1',
				port: receiver.port,
				secure: false,
				ignoreTLS: true
			});
			expect(
				await deliverDueMail(db, transport, 'KITZ <kitz@example.org>', () => NOW)
			).toMatchObject({
				sent: 3
			});
			const anna = receiver.received.find((mail) => mail.to.includes('anna@example.org'))!;
			const parts = rawParts(anna.raw);
			const pdf = parts.find((part) => part.type.startsWith('application/pdf'))!;
			const docx = parts.find((part) => part.type.includes('wordprocessingml'))!;
			expect(pdf.name).toBe(`protokoll-2026-11-10-${first.id}.pdf`);
			expect((await pdfText(pdf.body)).text).toContain('Freigegeben am');
			expect((await docxText(docx.body)).text).toContain(DECISION);

			const meeting = await db
				.selectFrom('meetings')
				.select('minutesReleasedAt')
				.where('id', '=', first.id)
				.executeTakeFirstOrThrow();
			expect(meeting.minutesReleasedAt).toBe(NOW.toISOString());

			// Members' partners and viewers read them now; others still do not.
			const partnerView = await getMinutes(db, actors.vhsPartner, first.id, NOW);
			expect(partnerView.may.manage).toBe(false);
			// The partner may change the status of the task their organisation owns, not others'.
			expect(partnerView.items[1]!.tasks.map((item) => item.mayEdit)).toEqual([true]);
			expect(partnerView.general.tasks.map((item) => item.mayEdit)).toEqual([false]);
			const viewerView = await getMinutes(db, actors.viewer, first.id, NOW);
			expect(viewerView.items).toHaveLength(2);
			expect(viewerView.items[1]!.tasks[0]!.mayEdit).toBe(false);
			await expect(getMinutes(db, actors.otherPartner, first.id, NOW)).rejects.toBeInstanceOf(
				MeetingNotFoundError
			);
			const download = await minutesFile(db, actors.vhsPartner, first.id, 'pdf', 'de', NOW);
			expect((await pdfText(download.body)).text).toContain('Bernd Weiß');

			// Released minutes no longer change and are not released twice.
			await expect(
				saveMinutes(db, actors.coordinator, first.id, new Map([[first.items[0]!, 'neu']]), NOW)
			).rejects.toBeInstanceOf(MinutesReleasedError);
			await expect(
				addFollowUpTask(db, actors.coordinator, first.id, task(), NOW)
			).rejects.toBeInstanceOf(MinutesReleasedError);
			await expect(
				releaseMinutes(db, actors.coordinator, first.id, { origin: ORIGIN }, NOW)
			).rejects.toBeInstanceOf(MinutesReleasedError);
			const audit = await db
				.selectFrom('auditLog')
				.select('after')
				.where('action', '=', 'minutes.released')
				.execute();
			expect(audit).toHaveLength(1);
		});

		it('refuses release before the meeting starts in Berlin, and without attendance unless confirmed', async () => {
			const db = database().db;
			const outbox = async () =>
				Number(
					(
						await db
							.selectFrom('mailOutbox')
							.select((eb) => eb.fn.countAll<number>().as('n'))
							.executeTakeFirstOrThrow()
					).n
				);
			const releasedAt = async () =>
				(
					await db
						.selectFrom('meetings')
						.select('minutesReleasedAt')
						.where('id', '=', second.id)
						.executeTakeFirstOrThrow()
				).minutesReleasedAt;
			const mailsBefore = await outbox();
			const release = (at: string, options: { withoutAttendance?: boolean } = {}) =>
				releaseMinutes(
					db,
					actors.coordinator,
					second.id,
					{ origin: ORIGIN, ...options },
					new Date(at)
				);
			// 13:59 in Berlin, the meeting starts at 14:00.
			await expect(release('2026-12-08T12:59:00Z')).rejects.toBeInstanceOf(
				MinutesBeforeMeetingError
			);
			// 14:30 in Berlin (13:30 UTC): started; but nobody's attendance is recorded.
			await expect(release('2026-12-08T13:30:00Z')).rejects.toBeInstanceOf(
				MinutesWithoutAttendanceError
			);
			expect(await releasedAt()).toBeNull();
			expect(await outbox()).toBe(mailsBefore);
			const view = await getMinutes(db, actors.coordinator, second.id, NOW);
			expect(view.release).toEqual({ started: false, attendanceRecorded: false });

			await release('2026-12-08T13:30:00Z', { withoutAttendance: true });
			expect(await releasedAt()).toBe('2026-12-08T13:30:00.000Z');
		});
	},
	seed
);
