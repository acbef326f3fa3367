import nodemailer from 'nodemailer';
import { afterAll, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import type { Database } from '../../src/lib/server/db/database.js';
import { deliverDueMail } from '../../src/lib/server/mail/mail.service.js';
import { listBoard, parseBoardFilters } from '../../src/lib/server/minutes/board.service.js';
import {
	MinutesValidationError,
	TaskNotFoundError
} from '../../src/lib/server/minutes/minutes.errors.js';
import { sendTaskReminders } from '../../src/lib/server/minutes/task-reminders.service.js';
import type { TaskInput } from '../../src/lib/server/minutes/tasks.schema.js';
import {
	changeTaskStatus,
	createPlannedOffer,
	type Editor
} from '../../src/lib/server/minutes/tasks.service.js';
import { createTestContact } from '../factories/contact.factory.js';
import { createTestNetwork } from '../factories/network.factory.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createTestTask } from '../factories/task.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestActor, districtWithPartners } from '../support/scenarios.js';
import { startSmtpReceiver } from '../support/smtp.js';

// 23:30 UTC is already the 11th in Berlin (CET): a task due on the 10th is overdue.
const NOW = new Date('2026-11-10T23:30:00.000Z');
const ORIGIN = 'https://kitz.example.org';
const actors = {} as Record<'coordinator' | 'vhsPartner' | 'otherPartner' | 'viewer', Editor>;
const emails = { vhsPartner: '' };
const ids = { vhs: 0, awo: 0, other: 0, a: 0, b: 0, bernd: 0, offer: 0, offerSlug: '' };
const task = { overdue: 0, women: 0, bernd: 0, health: 0, done: 0 };
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const stop of stops) await stop();
});

async function seed(database: Database) {
	const db = database.db;
	const world = await districtWithPartners(db);
	const districtId = world.districtId;
	ids.vhs = world.vhs;
	ids.awo = world.awo;
	ids.other = await createOrganisation(db, { districtId, name: 'Gesundheitsamt' });
	actors.coordinator = await world.staff('coordinator');
	const vhsPartner = await createTestActor(db, districtId, 'partner_editor', [ids.vhs]);
	actors.vhsPartner = vhsPartner.actor;
	emails.vhsPartner = vhsPartner.email;
	actors.otherPartner = await world.staff('partner_editor', [ids.other]);
	actors.viewer = await world.staff('viewer');
	ids.bernd = await createTestContact(db, {
		districtId,
		name: 'Bernd Weiß',
		email: 'bernd@vhs.example',
		organisationId: ids.vhs,
		networkConsent: true
	});
	ids.a = await createTestNetwork(db, {
		districtId,
		name: 'Netzwerk Sprache',
		actionFields: ['language'],
		members: [{ organisationId: ids.vhs }, { organisationId: ids.awo }]
	});
	ids.b = await createTestNetwork(db, {
		districtId,
		name: 'Netzwerk Gesundheit',
		actionFields: ['health'],
		members: [{ organisationId: ids.other }]
	});
	const base = { districtId, networkId: ids.a };
	task.overdue = await createTestTask(db, {
		...base,
		title: 'Kursräume anfragen',
		ownerOrganisationId: ids.vhs,
		dueOn: '2026-11-09'
	});
	task.women = await createTestTask(db, {
		...base,
		title: 'Frauencafé planen',
		ownerOrganisationId: ids.awo,
		actionField: 'women',
		dueOn: '2026-11-20',
		status: 'in_progress'
	});
	task.bernd = await createTestTask(db, {
		...base,
		title: 'Dolmetscherliste prüfen',
		ownerContactId: ids.bernd,
		dueOn: '2026-11-10'
	});
	task.health = await createTestTask(db, {
		districtId,
		networkId: ids.b,
		title: 'Impfaktion bewerben',
		ownerOrganisationId: ids.other,
		dueOn: '2026-12-01'
	});
	task.done = await createTestTask(db, {
		...base,
		title: 'Erledigtes',
		ownerOrganisationId: ids.vhs,
		dueOn: '2026-10-01',
		status: 'done'
	});
	ids.offer = await createOffer(db, { organisationId: ids.awo, title: 'Sprachcafé Schleswig' });
	ids.offerSlug = (
		await db
			.selectFrom('offers')
			.select('slug')
			.where('id', '=', ids.offer)
			.executeTakeFirstOrThrow()
	).slug;
}

const titles = (rows: { title: string }[]) => rows.map((row) => row.title);
const filtersOf = (query: string) => parseBoardFilters(new URLSearchParams(query)).filters;
const planned = (overrides: Partial<TaskInput> = {}): TaskInput => ({
	title: 'Sprachcafé für Eltern',
	description: '',
	owner: { organisationId: ids.awo },
	dueOn: '2027-03-01',
	status: 'open',
	agendaItemId: null,
	actionField: 'language',
	networkId: null,
	offer: null,
	...overrides
});

// A sequence on one database per dialect: the planned offers of the first test are on the
// board the later tests read, and the reminders test works on the tasks the others changed.
describeEachDialect(
	'the joint planning board and task reminders',
	({ database }) => {
		it('staff plan integration offers, linked to an existing offer by its address', async () => {
			const db = database().db;
			await createPlannedOffer(
				db,
				actors.coordinator,
				planned({ offer: { slug: ids.offerSlug } }),
				NOW
			);
			const row = await db
				.selectFrom('tasks')
				.select(['kind', 'offerId', 'networkId', 'status'])
				.where('title', '=', 'Sprachcafé für Eltern')
				.executeTakeFirstOrThrow();
			expect(row).toEqual({
				kind: 'planned_offer',
				offerId: ids.offer,
				networkId: null,
				status: 'open'
			});
			await expect(
				createPlannedOffer(
					db,
					actors.coordinator,
					planned({ offer: { slug: 'gibt-es-nicht' } }),
					NOW
				)
			).rejects.toBeInstanceOf(MinutesValidationError);
			await expect(
				createPlannedOffer(db, actors.vhsPartner, planned(), NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
		});

		it('lists open items across networks for staff, due first, overdue by Berlin date', async () => {
			const board = await listBoard(database().db, actors.coordinator, filtersOf(''), NOW);
			expect(titles(board.rows)).toEqual([
				'Kursräume anfragen',
				'Dolmetscherliste prüfen',
				'Frauencafé planen',
				'Impfaktion bewerben',
				'Sprachcafé für Eltern'
			]);
			expect(board.rows.filter((row) => row.overdue).map((row) => row.title)).toEqual([
				'Kursräume anfragen',
				'Dolmetscherliste prüfen'
			]);
			expect(board.overdue).toBe(2);
			expect(board.mayPlan).toBe(true);
			expect(board.rows.every((row) => row.mayEdit)).toBe(true);
			expect(board.options.networks.map((network) => network.name)).toEqual([
				'Netzwerk Gesundheit',
				'Netzwerk Sprache'
			]);
			// An hour earlier it is still the 10th in Berlin: due today is not overdue yet.
			const earlier = await listBoard(
				database().db,
				actors.coordinator,
				filtersOf(''),
				new Date('2026-11-10T22:30:00.000Z')
			);
			expect(earlier.rows.find((row) => row.title === 'Dolmetscherliste prüfen')!.overdue).toBe(
				false
			);
		});

		it('filters by action field, network, owner, due dates, status and kind', async () => {
			const list = async (query: string) =>
				titles((await listBoard(database().db, actors.coordinator, filtersOf(query), NOW)).rows);
			// A task without its own action field counts under its network's.
			expect(await list('actionField=language')).toEqual([
				'Kursräume anfragen',
				'Dolmetscherliste prüfen',
				'Sprachcafé für Eltern'
			]);
			expect(await list('actionField=women')).toEqual(['Frauencafé planen']);
			expect(await list(`network=${ids.b}`)).toEqual(['Impfaktion bewerben']);
			expect(await list(`owner=organisation:${ids.awo}`)).toEqual([
				'Frauencafé planen',
				'Sprachcafé für Eltern'
			]);
			expect(await list(`owner=contact:${ids.bernd}`)).toEqual(['Dolmetscherliste prüfen']);
			expect(await list('dueFrom=2026-11-10&dueTo=2026-11-30')).toEqual([
				'Dolmetscherliste prüfen',
				'Frauencafé planen'
			]);
			expect(await list('status=done')).toEqual(['Erledigtes']);
			expect(await list('status=in_progress')).toEqual(['Frauencafé planen']);
			expect(await list('status=open')).toHaveLength(4);
			expect(await list('status=all')).toHaveLength(6);
			expect(await list('kind=planned_offer')).toEqual(['Sprachcafé für Eltern']);
			expect(parseBoardFilters(new URLSearchParams('dueFrom=gestern&status=x'))).toEqual({
				filters: { status: 'active' },
				invalid: true
			});
		});

		it('shows partners their networks only and lets them change their organisation’s tasks', async () => {
			const db = database().db;
			const board = await listBoard(db, actors.vhsPartner, filtersOf(''), NOW);
			expect(titles(board.rows)).toEqual([
				'Kursräume anfragen',
				'Dolmetscherliste prüfen',
				'Frauencafé planen'
			]);
			expect(board.rows.filter((row) => row.mayEdit).map((row) => row.title)).toEqual([
				'Kursräume anfragen',
				'Dolmetscherliste prüfen'
			]);
			expect(board.mayPlan).toBe(false);
			await expect(
				changeTaskStatus(db, actors.vhsPartner, task.women, 'done', NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				changeTaskStatus(db, actors.vhsPartner, task.health, 'done', NOW)
			).rejects.toBeInstanceOf(TaskNotFoundError);
			await expect(
				changeTaskStatus(db, actors.viewer, task.overdue, 'done', NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
			await changeTaskStatus(db, actors.vhsPartner, task.bernd, 'in_progress', NOW);
			const row = await db
				.selectFrom('tasks')
				.select(['status', 'doneAt'])
				.where('id', '=', task.bernd)
				.executeTakeFirstOrThrow();
			expect(row).toEqual({ status: 'in_progress', doneAt: null });
			const audit = await db
				.selectFrom('auditLog')
				.select(['userId', 'before', 'after'])
				.where('action', '=', 'task.status_changed')
				.executeTakeFirstOrThrow();
			expect(audit.userId).toBe(actors.vhsPartner.id);
			expect(JSON.parse(audit.after!)).toEqual({ status: 'in_progress' });

			const viewer = await listBoard(db, actors.viewer, filtersOf(''), NOW);
			expect(viewer.rows).toHaveLength(5);
			expect(viewer.rows.some((row) => row.mayEdit)).toBe(false);
			const other = await listBoard(db, actors.otherPartner, filtersOf(''), NOW);
			expect(titles(other.rows)).toEqual(['Impfaktion bewerben']);
		});

		it('reminds owners of tasks due within three days or overdue, once per due date, by SMTP', async () => {
			const db = database().db;
			await db.deleteFrom('mailOutbox').execute();
			const receiver = await startSmtpReceiver();
			stops.push(receiver.stop);
			const transport = nodemailer.createTransport({
				host: '127.0.0.1',
				port: receiver.port,
				secure: false,
				ignoreTLS: true
			});
			// A person who neither agreed to network mail nor is a member is not mailed.
			const carla = await createTestContact(db, {
				districtId: actors.coordinator.districtId,
				name: 'Carla ohne Einwilligung',
				email: 'carla@vhs.example',
				organisationId: ids.vhs
			});
			const carlasTask = await createTestTask(db, {
				districtId: actors.coordinator.districtId,
				networkId: ids.a,
				title: 'Carlas Aufgabe',
				ownerContactId: carla,
				dueOn: '2026-11-12'
			});
			const first = await sendTaskReminders(db, { origin: ORIGIN }, NOW);
			// The AWO task is due on the 20th: not yet. Nobody at the AWO could be mailed anyway.
			expect(first).toEqual({ reminded: 2, skipped: 1 });
			await db.deleteFrom('tasks').where('id', '=', carlasTask).execute();
			expect(await deliverDueMail(db, transport, 'KITZ <kitz@example.org>', () => NOW)).toEqual({
				sent: 2,
				failed: 0
			});
			const to = receiver.received.map((mail) => mail.to[0]).sort();
			expect(to).toEqual(['bernd@vhs.example', emails.vhsPartner].sort());
			const vhsMail = receiver.received.find((mail) => mail.to[0] === emails.vhsPartner)!;
			const body = vhsMail.raw.replace(/=\r?\n/g, '');
			expect(body).toContain('Kursr=C3=A4ume anfragen');
			expect(body).toContain(`${ORIGIN}/de/office/board?network=3D${ids.a}`);

			// A second run, or a run in another process, mails nobody again.
			expect(await sendTaskReminders(db, { origin: ORIGIN }, NOW)).toEqual({
				reminded: 0,
				skipped: 0
			});
			// Three days ahead the AWO task is due: it has no editor or address, so it waits.
			const later = new Date('2026-11-17T08:00:00.000Z');
			expect(await sendTaskReminders(db, { origin: ORIGIN }, later)).toEqual({
				reminded: 0,
				skipped: 1
			});
			// A new due date is a new reminder once its window opens.
			await db
				.updateTable('tasks')
				.set({ dueOn: '2026-11-25' })
				.where('id', '=', task.overdue)
				.execute();
			expect(await sendTaskReminders(db, { origin: ORIGIN }, later)).toEqual({
				reminded: 0,
				skipped: 1
			});
			expect(
				await sendTaskReminders(db, { origin: ORIGIN }, new Date('2026-11-22T08:00:00.000Z'))
			).toEqual({ reminded: 1, skipped: 1 });
			// Done tasks are not reminded.
			await changeTaskStatus(db, actors.coordinator, task.overdue, 'done', NOW);
			await db
				.updateTable('tasks')
				.set({ remindedAt: null })
				.where('id', '=', task.overdue)
				.execute();
			expect(
				await sendTaskReminders(db, { origin: ORIGIN }, new Date('2026-11-22T08:00:00.000Z'))
			).toEqual({ reminded: 0, skipped: 1 });
		});
	},
	seed
);
