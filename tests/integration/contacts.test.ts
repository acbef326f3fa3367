import { resolve } from 'node:path';
import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import { translator } from '../../src/lib/i18n/messages.js';
import type { Database } from '../../src/lib/server/db/database.js';
import { seedDemoContacts } from '../../src/lib/server/demo/demo.contacts.js';
import { seedDemoContent } from '../../src/lib/server/demo/demo.seed.js';
import { exportContacts, exportVCards } from '../../src/lib/server/directory/contact-export.js';
import { parseContactFilters } from '../../src/lib/server/directory/contact-filters.js';
import {
	ContactErasedError,
	ContactNotFoundError,
	ContactValidationError
} from '../../src/lib/server/directory/contacts.errors.js';
import {
	createContact as createContactAsStaff,
	getContact,
	listContacts,
	updateContact,
	type Editor
} from '../../src/lib/server/directory/contacts.service.js';
import {
	listConsents,
	recordConsent,
	withdrawConsent
} from '../../src/lib/server/directory/consents.service.js';
import { erasePerson } from '../../src/lib/server/directory/erasure.service.js';
import {
	FORMER_PARTICIPANT,
	personName
} from '../../src/lib/server/directory/former-participant.js';
import { exportPersonData } from '../../src/lib/server/directory/person-data.service.js';
import {
	createPurpose,
	listPurposes,
	updatePurpose
} from '../../src/lib/server/directory/purposes.service.js';
import { createTestContact, giveConsent } from '../factories/contact.factory.js';
import { createTestMeeting } from '../factories/meeting.factory.js';
import { createTestNetwork } from '../factories/network.factory.js';
import { createTestTask } from '../factories/task.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { insertFeed } from '../../src/lib/server/meetings/calendar-feeds.repository.js';
import { readXlsx } from '../../src/lib/shared/files/xlsx.js';
import { loadReferencePlaces } from '../../src/lib/server/places/reference.js';
import { describeEachDialect } from '../support/databases.js';
import { districtWithPartners } from '../support/scenarios.js';

const NOW = new Date('2026-12-01T09:00:00Z');
const CONTENT = resolve('content');
const filters = (query = '') => parseContactFilters(new URLSearchParams(query));
const people = {} as Record<
	'coordinator' | 'admin' | 'partner' | 'outsider' | 'viewer' | 'foreign',
	Editor
>;
const ids = {} as Record<
	'vhs' | 'awo' | 'other' | 'anna' | 'bernd' | 'carla' | 'former' | 'foreign' | 'network',
	number
>;
let district = 0;
const names = (list: { name: string }[]) => list.map((contact) => contact.name).sort();

async function seed(database: Database) {
	const db = database.db;
	const world = await districtWithPartners(db);
	district = world.districtId;
	const flensburg = world.places.districts.flensburg;
	ids.vhs = world.vhs;
	ids.awo = world.awo;
	ids.other = await createOrganisation(db, { districtId: district, name: 'Sportverein Kropp' });
	people.coordinator = await world.staff('coordinator');
	people.admin = await world.staff('administrator');
	people.partner = await world.staff('partner_editor', [ids.vhs]);
	people.outsider = await world.staff('partner_editor', [ids.other]);
	people.viewer = await world.staff('viewer');
	people.foreign = await world.staff('coordinator', [], flensburg);

	ids.anna = await createTestContact(db, {
		districtId: district,
		name: 'Anna Müller',
		organisationId: ids.awo,
		roleTitle: 'Migrationsberatung',
		email: 'anna@awo.example',
		phone: '04621 555',
		languages: ['de', 'ar'],
		actionFields: ['work', 'language'],
		notes: 'Nur dienstags erreichbar.'
	});
	ids.bernd = await createTestContact(db, {
		districtId: district,
		name: 'Bernd Schröder',
		organisationId: ids.vhs,
		roleTitle: 'Kursleitung',
		email: 'bernd@vhs.example',
		languages: ['de'],
		actionFields: ['language']
	});
	ids.carla = await createTestContact(db, {
		districtId: district,
		name: 'Carla Demir',
		roleTitle: 'Vorsitzende',
		email: 'carla@verein.example',
		languages: ['tr', 'de'],
		actionFields: ['women']
	});
	ids.former = await createTestContact(db, {
		districtId: district,
		name: 'Elif Yılmaz',
		roleTitle: 'Frauentreff',
		email: 'elif@verein.example',
		phone: '0461 999',
		languages: ['tr', 'de'],
		notes: 'Bevorzugt Anrufe vormittags.'
	});
	ids.foreign = await createTestContact(db, { districtId: flensburg, name: 'Jens Flensburger' });
	await giveConsent(db, district, ids.anna);
	await giveConsent(db, district, ids.carla);
	await giveConsent(db, district, ids.former);
	// Anna and Bernd meet the VHS in a network; Carla is in none; Dieter has left.
	const dieter = await createTestContact(db, { districtId: district, name: 'Dieter Alt' });
	await giveConsent(db, district, dieter);
	ids.network = await createTestNetwork(db, {
		districtId: district,
		actionFields: ['language'],
		members: [
			{ organisationId: ids.vhs },
			{ organisationId: ids.awo },
			{ contactId: ids.anna },
			{ contactId: ids.bernd },
			{ contactId: dieter, leftOn: '2026-06-30' }
		]
	});
	// Elif took part in two meetings of a network of her own, owns a task and presented.
	const women = await createTestNetwork(db, {
		districtId: district,
		actionFields: ['women'],
		members: [{ contactId: ids.former }]
	});
	const first = await createTestMeeting(db, {
		networkId: women,
		startsAt: '2026-10-06T14:00',
		location: 'Kreishaus Schleswig',
		invitationsSent: true,
		agenda: [
			{
				title: 'Bericht aus dem Frauentreff',
				presenter: 'Elif Yılmaz',
				presenterContactId: ids.former,
				durationMinutes: 15
			}
		],
		invitees: [
			{ contactId: ids.former, response: 'yes', attendance: 'present' },
			{ contactId: ids.carla, response: 'yes', attendance: 'present' }
		]
	});
	await createTestMeeting(db, {
		networkId: women,
		startsAt: '2026-11-03T14:00',
		location: 'Kreishaus Schleswig',
		invitationsSent: true,
		agenda: [],
		invitees: [
			{ contactId: ids.former, response: 'no', attendance: 'absent' },
			{ contactId: ids.carla, response: 'yes', attendance: 'present' }
		]
	});
	await createTestTask(db, {
		districtId: district,
		networkId: women,
		meetingId: first.id,
		title: 'Flyer übersetzen',
		actionField: 'women',
		ownerContactId: ids.former,
		dueOn: '2026-12-15',
		now: NOW
	});
	await insertFeed(db, {
		tokenHash: 'feed-hash-elif',
		networkId: null,
		contactId: ids.former,
		createdBy: people.coordinator.id,
		createdAt: NOW.toISOString()
	});
	await updateContact(
		db,
		people.coordinator,
		ids.former,
		{
			name: 'Elif Yılmaz',
			roleTitle: 'Frauentreff',
			email: 'elif@verein.example',
			phone: '0461 999',
			languages: ['tr', 'de'],
			notes: 'Bevorzugt Anrufe vormittags.'
		},
		NOW
	);
}

// One database per dialect: these tests read the seeded people, or add their own and assert on
// those (a new person and its audit entries, a new processing purpose).
describeEachDialect(
	'contact directory, consents and GDPR',
	({ database }) => {
		const db = () => database().db;

		it('creates a person with a message per wrong input, and audits the change', async () => {
			const invalid = await createContactAsStaff(db(), people.coordinator, {
				name: ' ',
				email: 'keine-adresse',
				phone: 'abc',
				actionFields: ['gardening']
			}).catch((failure: unknown) => failure);
			expect(invalid).toBeInstanceOf(ContactValidationError);
			expect(
				[...new Set((invalid as ContactValidationError).issues.map((issue) => issue.path))].sort()
			).toEqual(['actionFields', 'email', 'name', 'phone']);
			const dorte = {
				name: 'Dörte Østergaard',
				roleTitle: 'Integrationslotsin',
				organisationId: ids.awo,
				email: 'doerte@awo.example',
				languages: ['de', 'da'],
				actionFields: ['work']
			};
			const id = await createContactAsStaff(db(), people.coordinator, dorte, NOW);
			const detail = await getContact(db(), people.coordinator, id);
			expect(detail).toMatchObject({
				name: 'Dörte Østergaard',
				organisationName: 'AWO Kreisverband',
				contactData: { email: 'doerte@awo.example', phone: null },
				languages: ['de', 'da'],
				may: { manage: true }
			});
			await expect(
				createContactAsStaff(db(), people.partner, { name: 'Niemand' })
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				createContactAsStaff(db(), people.coordinator, {
					name: 'Fremd',
					organisationId: ids.other + 10_000
				})
			).rejects.toBeInstanceOf(ContactValidationError);
			await updateContact(
				db(),
				people.coordinator,
				id,
				{ ...dorte, email: '', phone: '04621 87-0' },
				NOW
			);
			const audit = await db()
				.selectFrom('auditLog')
				.select(['action', 'before', 'after'])
				.where('entity', '=', 'contact')
				.where('entityId', '=', id)
				.orderBy('id')
				.execute();
			expect(audit.map((entry) => entry.action)).toEqual(['contact.create', 'contact.edit']);
			expect(JSON.parse(audit[1]!.before!)).toMatchObject({ email: 'doerte@awo.example' });
			expect(JSON.parse(audit[1]!.after!)).toMatchObject({ phone: '04621 87-0', email: null });
		});

		it('shows a partner the fellow members of their networks, and contact data only with consent', async () => {
			const seen = await listContacts(db(), people.partner, filters());
			expect(names(seen)).toEqual(['Anna Müller', 'Bernd Schröder']);
			const anna = seen.find((contact) => contact.id === ids.anna)!;
			const bernd = seen.find((contact) => contact.id === ids.bernd)!;
			expect(anna.contactData).toEqual({ email: 'anna@awo.example', phone: '04621 555' });
			expect(bernd.contactData).toBeNull();
			expect((await getContact(db(), people.partner, ids.anna)).notes).toBeNull();
			await expect(getContact(db(), people.partner, ids.carla)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			// A partner whose organisation is in no network sees no one.
			expect(await listContacts(db(), people.outsider, filters())).toEqual([]);
		});

		it('shows viewers names but no contact data, and other districts nothing', async () => {
			const seen = await listContacts(db(), people.viewer, filters());
			expect(names(seen)).toContain('Carla Demir');
			expect(seen.every((contact) => contact.contactData === null)).toBe(true);
			expect((await getContact(db(), people.viewer, ids.anna)).notes).toBeNull();
			const foreign = await listContacts(db(), people.foreign, filters());
			expect(names(foreign)).toEqual(['Jens Flensburger']);
			await expect(getContact(db(), people.foreign, ids.anna)).rejects.toBeInstanceOf(
				ContactNotFoundError
			);
			await expect(exportVCards(db(), people.foreign, [ids.anna])).rejects.toBeInstanceOf(
				ForbiddenError
			);
			const staff = await listContacts(db(), people.coordinator, filters());
			expect(names(staff)).not.toContain('Jens Flensburger');
			expect(staff.find((contact) => contact.id === ids.carla)!.contactData?.email).toBe(
				'carla@verein.example'
			);
		});

		it('exports vCards only of people whose contact data the actor may read', async () => {
			const file = await exportVCards(db(), people.partner, [ids.bernd, ids.anna, ids.carla]);
			const parsed = ICAL.parse(String(file.body)) as unknown[];
			const card = new ICAL.Component(parsed as never);
			expect(card.getFirstPropertyValue('fn')).toBe('Anna Müller');
			expect(card.getFirstPropertyValue('email')).toBe('anna@awo.example');
			expect(file.filename).toBe('anna-muller.vcf');
			await expect(exportVCards(db(), people.partner, [ids.bernd])).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(exportVCards(db(), people.viewer, [ids.anna])).rejects.toBeInstanceOf(
				ForbiddenError
			);
			const all = await exportVCards(db(), people.coordinator, [ids.anna, ids.carla]);
			expect(String(all.body).match(/BEGIN:VCARD/g)).toHaveLength(2);
		});

		it('exports the filtered list as CSV for German Excel and as XLSX, contact data as allowed', async () => {
			const t = translator('de');
			const csv = await exportContacts(db(), people.viewer, filters('q=anna'), 'csv', t);
			const text = String(csv.body);
			expect(text.startsWith('\uFEFFName;')).toBe(true);
			expect(text).toContain('Anna Müller;');
			expect(text).not.toContain('anna@awo.example');
			const staff = String(
				(await exportContacts(db(), people.coordinator, filters('q=anna'), 'csv', t)).body
			);
			expect(staff).toContain('anna@awo.example');
			const xlsx = await exportContacts(db(), people.coordinator, filters(), 'xlsx', t);
			const sheet = await readXlsx(xlsx.body as Uint8Array);
			expect(sheet[0]!.slice(0, 4)).toEqual(['Name', 'Funktion', 'Organisation', 'E-Mail']);
			expect(sheet.find((row) => row[0] === 'Anna Müller')).toEqual([
				'Anna Müller',
				'Migrationsberatung',
				'AWO Kreisverband',
				'anna@awo.example',
				'04621 555',
				'de, ar',
				'Arbeit, Sprache',
				'network_work'
			]);
		});

		it('keeps a record of processing purposes: defaults, staff read, coordinators keep it', async () => {
			const purposes = await listPurposes(db(), people.viewer, NOW);
			expect(purposes.find((purpose) => purpose.key === 'network_work')).toMatchObject({
				name: 'Netzwerkarbeit: Einladungen, Protokolle, Aufgaben',
				legalBasis: expect.stringContaining('Art. 6 Abs. 1 lit. a DSGVO')
			});
			await expect(listPurposes(db(), people.partner, NOW)).rejects.toBeInstanceOf(ForbiddenError);
			const input = {
				key: 'committee_seats',
				name: 'Besetzung von Beiräten',
				description: 'Vorschläge für Sitze in Beiräten.',
				legalBasis: 'Art. 6 Abs. 1 lit. a DSGVO',
				dataCategories: 'Name, Organisation',
				retention: 'Bis zum Ende der Amtszeit.'
			};
			await expect(createPurpose(db(), people.viewer, input, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			const id = await createPurpose(db(), people.coordinator, input, NOW);
			const duplicate = await createPurpose(db(), people.coordinator, input, NOW).catch(
				(failure: unknown) => failure
			);
			expect((duplicate as ContactValidationError).issues[0]).toMatchObject({ path: 'key' });
			await updatePurpose(
				db(),
				people.coordinator,
				id,
				{ ...input, key: 'renamed', retention: 'Vier Jahre.' },
				NOW
			);
			const updated = (await listPurposes(db(), people.coordinator, NOW)).find(
				(purpose) => purpose.id === id
			)!;
			expect(updated).toMatchObject({ key: 'committee_seats', retention: 'Vier Jahre.' });
			// Opening the register again adds nothing twice.
			expect((await listPurposes(db(), people.coordinator, NOW)).length).toBe(purposes.length + 1);
		});

		it('exports everything stored about a person, staff only', async () => {
			await expect(exportPersonData(db(), people.viewer, ids.former, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(exportPersonData(db(), people.partner, ids.former, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			const data = await exportPersonData(db(), people.coordinator, ids.former, NOW);
			expect(data.person).toMatchObject({
				name: 'Elif Yılmaz',
				email: 'elif@verein.example',
				notes: 'Bevorzugt Anrufe vormittags.',
				languages: ['tr', 'de']
			});
			expect(data.consents.map((consent) => consent.purpose)).toEqual(['network_work']);
			expect(data.purposes.map((purpose) => purpose.key)).toEqual(['network_work']);
			expect(data.networkMemberships).toHaveLength(1);
			expect(data.meetingInvitations.map((invitation) => invitation.attendance)).toEqual([
				'present',
				'absent'
			]);
			expect(data.tasks.map((task) => task.title)).toEqual(['Flyer übersetzen']);
			expect(data.agendaItems.map((item) => item.title)).toEqual(['Bericht aus dem Frauentreff']);
			expect(data.calendarFeeds).toHaveLength(1);
			expect(data.auditEntries.map((entry) => entry.action)).toContain('contact.edit');
			expect(JSON.parse(JSON.stringify(data))).toEqual(data);
		});
	},
	seed
);

// Own database per test: the tests count over the whole directory, change the seeded consents
// and erase a seeded person.
describeEachDialect(
	'contact directory: search, consent changes and erasure',
	({ database }) => {
		const db = () => database().db;

		it('searches names, organisations and roles without minding accents, and filters', async () => {
			await createTestContact(db(), {
				districtId: district,
				name: 'Dörte Østergaard',
				roleTitle: 'Integrationslotsin',
				organisationId: ids.awo,
				email: 'doerte@awo.example',
				languages: ['de', 'da'],
				actionFields: ['work']
			});
			const search = async (query: string) =>
				names(await listContacts(db(), people.coordinator, filters(query)));
			expect(await search('q=muller')).toEqual(['Anna Müller']);
			expect(await search('q=SCHRODER')).toEqual(['Bernd Schröder']);
			expect(await search('q=awo+lotsin')).toEqual(['Dörte Østergaard']);
			expect(await search('q=DORTE')).toEqual(['Dörte Østergaard']);
			expect(await search('q=ostergaard')).toEqual(['Dörte Østergaard']);
			expect(await search('q=yilmaz')).toEqual(['Elif Yılmaz']);
			expect(await search('q=kreisverband')).toEqual(['Anna Müller', 'Dörte Østergaard']);
			expect(await search(`organisation=${ids.vhs}`)).toEqual(['Bernd Schröder']);
			expect(await search('field=women')).toEqual(['Carla Demir']);
			expect(await search('language=tr')).toEqual(['Carla Demir', 'Elif Yılmaz']);
			expect(await search('consent=network_work')).toEqual([
				'Anna Müller',
				'Carla Demir',
				'Dieter Alt',
				'Elif Yılmaz'
			]);
			expect(await search('consent=none')).toEqual(['Bernd Schröder', 'Dörte Østergaard']);
			expect(await search('field=nonsense&language=<x>')).toHaveLength(6);
		});

		it('records and withdraws consents, keeping the history, and partners lose the contact data', async () => {
			const consents = await listConsents(db(), people.coordinator, ids.anna);
			const active = consents.find((consent) => consent.withdrawnOn === null)!;
			await expect(
				withdrawConsent(db(), people.coordinator, active.id, { withdrawnOn: '2025-01-01' }, NOW)
			).rejects.toBeInstanceOf(ContactValidationError);
			await expect(
				withdrawConsent(db(), people.partner, active.id, { withdrawnOn: '2026-11-30' }, NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
			await withdrawConsent(
				db(),
				people.coordinator,
				active.id,
				{ withdrawnOn: '2026-11-30' },
				NOW
			);
			expect((await getContact(db(), people.partner, ids.anna)).contactData).toBeNull();

			const purposes = await listPurposes(db(), people.coordinator, NOW);
			const networkWork = purposes.find((purpose) => purpose.key === 'network_work')!;
			const future = await recordConsent(
				db(),
				people.coordinator,
				ids.anna,
				{ purposeId: networkWork.id, givenOn: '2026-12-24', source: 'email' },
				NOW
			).catch((failure: unknown) => failure);
			expect((future as ContactValidationError).issues[0]!.path).toBe('givenOn');
			await recordConsent(
				db(),
				people.coordinator,
				ids.anna,
				{ purposeId: networkWork.id, givenOn: '2026-12-01', source: 'email' },
				NOW
			);
			const again = await recordConsent(
				db(),
				people.coordinator,
				ids.anna,
				{ purposeId: networkWork.id, givenOn: '2026-12-01', source: 'oral' },
				NOW
			).catch((failure: unknown) => failure);
			expect((again as ContactValidationError).issues[0]!.code).toBe('taken');
			const history = await listConsents(db(), people.coordinator, ids.anna);
			expect(history.map((consent) => [consent.givenOn, consent.withdrawnOn])).toEqual([
				['2026-12-01', null],
				['2026-01-15', '2026-11-30']
			]);
			expect((await getContact(db(), people.partner, ids.anna)).contactData?.email).toBe(
				'anna@awo.example'
			);
			const actions = await db()
				.selectFrom('auditLog')
				.select('action')
				.where('entity', '=', 'contact')
				.where('entityId', '=', ids.anna)
				.execute();
			// The factory's creation and first consent, then this test's withdrawal and new consent.
			expect(actions.map((entry) => entry.action)).toEqual([
				'contact.create',
				'contact.consent_record',
				'contact.consent_withdraw',
				'contact.consent_record'
			]);
		});

		it('erases a person: data gone, links dead, meeting statistics unchanged, "former participant" shown', async () => {
			const attendance = async () =>
				db()
					.selectFrom('meetingInvitees')
					.select(['meetingId', 'attendance', 'response'])
					.select((eb) => eb.fn.countAll<number>().as('count'))
					.groupBy(['meetingId', 'attendance', 'response'])
					.orderBy('meetingId')
					.orderBy('attendance')
					.orderBy('response')
					.execute();
			const tokens = async () =>
				(
					await db()
						.selectFrom('meetingInvitees')
						.select('tokenHash')
						.where('contactId', '=', ids.former)
						.execute()
				).map((row) => row.tokenHash);
			const before = await attendance();
			const oldTokens = await tokens();
			await db()
				.insertInto('mailOutbox')
				.values({
					toAddress: 'Elif@Verein.example',
					subject: 'Einladung',
					textBody: 'Liebe Elif …',
					createdAt: NOW.toISOString(),
					nextAttemptAt: NOW.toISOString(),
					lastError: null,
					sentAt: null
				})
				.execute();

			await expect(erasePerson(db(), people.partner, ids.former, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(erasePerson(db(), people.viewer, ids.former, NOW)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			const summary = await erasePerson(db(), people.coordinator, ids.former, NOW);
			expect(summary).toMatchObject({
				consentsDeleted: 1,
				feedsRevoked: 1,
				invitationsKept: 2,
				membershipsEnded: 1,
				mailsDeleted: 1
			});

			expect(await attendance()).toEqual(before);
			const newTokens = await tokens();
			expect(newTokens).toHaveLength(2);
			for (const token of newTokens) expect(oldTokens).not.toContain(token);

			const row = await db()
				.selectFrom('contacts')
				.select(['name', 'email', 'phone', 'notes', 'languages', 'roleTitle', 'anonymisedAt'])
				.where('id', '=', ids.former)
				.executeTakeFirstOrThrow();
			expect(row).toEqual({
				name: FORMER_PARTICIPANT,
				email: null,
				phone: null,
				notes: null,
				languages: '',
				roleTitle: null,
				anonymisedAt: NOW.toISOString()
			});
			expect(personName(translator('de'), row)).toBe(
				'Ehemalige Teilnehmerin / ehemaliger Teilnehmer'
			);
			expect(personName(translator('en'), row)).toBe('Former participant');
			const feed = await db()
				.selectFrom('calendarFeeds')
				.select('revokedAt')
				.where('contactId', '=', ids.former)
				.executeTakeFirstOrThrow();
			expect(feed.revokedAt).toBe(NOW.toISOString());
			const task = await db()
				.selectFrom('tasks')
				.select('ownerContactId')
				.where('title', '=', 'Flyer übersetzen')
				.executeTakeFirstOrThrow();
			expect(task.ownerContactId).toBe(ids.former);
			const agenda = await db()
				.selectFrom('agendaItems')
				.select(['presenter', 'presenterContactId'])
				.executeTakeFirstOrThrow();
			expect(agenda).toEqual({ presenter: null, presenterContactId: ids.former });

			// The audit log keeps who did what when, and no longer the person's data.
			const audit = await db()
				.selectFrom('auditLog')
				.select(['action', 'before', 'after'])
				.where('entity', '=', 'contact')
				.where('entityId', '=', ids.former)
				.orderBy('id')
				.execute();
			// The factory's creation and consent, then this test's edit and erasure.
			expect(audit.map((entry) => entry.action)).toEqual([
				'contact.create',
				'contact.consent_record',
				'contact.edit',
				'contact.erase'
			]);
			expect(JSON.stringify(audit)).not.toMatch(/Elif|Yılmaz|verein\.example|vormittags/);
			expect(JSON.parse(audit[3]!.after!)).toMatchObject({ invitationsKept: 2 });

			expect(names(await listContacts(db(), people.coordinator, filters()))).not.toContain(
				FORMER_PARTICIPANT
			);
			expect((await getContact(db(), people.coordinator, ids.former)).may.manage).toBe(false);
			await expect(getContact(db(), people.viewer, ids.former)).rejects.toBeInstanceOf(
				ContactNotFoundError
			);
			await expect(
				updateContact(db(), people.coordinator, ids.former, { name: 'Elif' }, NOW)
			).rejects.toBeInstanceOf(ContactErasedError);
			await expect(erasePerson(db(), people.coordinator, ids.former, NOW)).rejects.toBeInstanceOf(
				ContactErasedError
			);
			const after = await exportPersonData(db(), people.coordinator, ids.former, NOW);
			expect(JSON.stringify(after)).not.toMatch(/Elif|Yılmaz|verein\.example|vormittags/);
			expect(after.meetingInvitations).toHaveLength(2);
		});
	},
	seed,
	{ isolation: 'test' }
);

// A single test: the one database per dialect is its own.
describeEachDialect(
	'demo contacts',
	({ database }) => {
		it('seeds people with consents once, each with a unique e-mail', async () => {
			const db = database().db;
			const coordinator = await db
				.selectFrom('districts')
				.select('id')
				.where('slug', '=', 'schleswig-flensburg')
				.executeTakeFirstOrThrow();
			const actor = {
				role: 'coordinator' as const,
				districtId: coordinator.id,
				organisationIds: []
			};
			const everyone = await listContacts(db, actor, filters());
			expect(everyone.length).toBeGreaterThanOrEqual(8);
			expect(new Set(everyone.map((contact) => contact.contactData?.email)).size).toBe(
				everyone.length
			);
			expect(everyone.every((contact) => contact.contactData?.email?.endsWith('.example'))).toBe(
				true
			);
			// Ayşe Yıldız withdrew from network work but consented to committee work; Sabine Lorenzen
			// never consented.
			expect(names(await listContacts(db, actor, filters('consent=none')))).toEqual([
				'Sabine Lorenzen'
			]);
			expect(await db.transaction().execute((trx) => seedDemoContacts(trx, CONTENT))).toBe(0);
		});
	},
	async (database) => {
		await loadReferencePlaces(database.db, CONTENT);
		const seeded = await database.db.transaction().execute(async (trx) => {
			await seedDemoContent(trx, CONTENT);
			return seedDemoContacts(trx, CONTENT);
		});
		expect(seeded).toBe(8);
	}
);
