import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { migrateToLatest } from '../../src/lib/server/db/migrate.js';
import type { DB } from '../../src/lib/server/db/schema.js';
import { deliverDueMail, queueMail } from '../../src/lib/server/mail/mail.service.js';
import {
	createContact,
	updateContact,
	type Editor
} from '../../src/lib/server/directory/contacts.service.js';
import { erasePerson } from '../../src/lib/server/directory/erasure.service.js';
import { exportPersonData } from '../../src/lib/server/directory/person-data.service.js';
import { createTestAccount } from '../factories/account.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';

const NOW = new Date('2026-12-01T09:00:00Z');
const LATER = new Date('2026-12-02T09:00:00Z');
// Mail sent for real, into a transport that keeps nothing.
const transport = nodemailer.createTransport({ jsonTransport: true });
const FROM = 'KITZ <kitz@example.org>';

/**
 * A person whose address changed once, with a sent mail to the old address, a waiting one to the
 * new, and a mail to someone else. `marker` is in every piece of their data.
 */
async function personWithMail(db: Kysely<DB>, marker: string) {
	const { districts } = await createDistrictsAndPlaces(db);
	const districtId = districts.schleswigFlensburg;
	const { id } = await createTestAccount(db, { districtId, role: 'coordinator' });
	const coordinator: Editor = { id, role: 'coordinator', districtId, organisationIds: [] };
	const person = { name: `Greta ${marker}`, notes: `Ruft ${marker} zurück` };
	const contactId = await createContact(
		db,
		coordinator,
		{ ...person, email: `old.${marker}@verein.example` },
		NOW
	);
	await queueMail(
		db,
		{
			to: `Old.${marker}@Verein.example`,
			subject: `Einladung für ${marker}`,
			text: `Liebe Greta ${marker}, …`,
			attachments: [
				{
					filename: 'einladung.ics',
					contentType: 'text/calendar',
					content: `BEGIN:VCALENDAR\r\nX-MARKER:${marker}\r\nEND:VCALENDAR`,
					method: 'REQUEST'
				}
			]
		},
		NOW
	);
	await deliverDueMail(db, transport, FROM, () => NOW);
	await updateContact(
		db,
		coordinator,
		contactId,
		{ ...person, email: `greta.${marker}@verein.example` },
		LATER
	);
	await queueMail(
		db,
		{ to: `greta.${marker}@verein.example`, subject: 'Protokoll', text: `Hallo ${marker}` },
		LATER
	);
	await queueMail(db, { to: 'jemand@anders.example', subject: 'Andere', text: 'Nicht Greta' });
	return { coordinator, contactId };
}

describeEachDialect('GDPR export and erasure of a person’s mail', ({ database }) => {
	const db = () => database().db;
	let person: Awaited<ReturnType<typeof personWithMail>>;

	it('exports every mail sent or waiting for the person, to their current and earlier address', async () => {
		person = await personWithMail(db(), 'gretamarker');
		const data = await exportPersonData(db(), person.coordinator, person.contactId, LATER);
		expect(data.mails).toEqual([
			{
				to: 'Old.gretamarker@Verein.example',
				subject: 'Einladung für gretamarker',
				createdAt: NOW.toISOString(),
				status: 'sent',
				sentAt: expect.any(String),
				body: 'Liebe Greta gretamarker, …',
				attachments: ['einladung.ics']
			},
			{
				to: 'greta.gretamarker@verein.example',
				subject: 'Protokoll',
				createdAt: LATER.toISOString(),
				status: 'queued',
				sentAt: null,
				body: 'Hallo gretamarker',
				attachments: []
			}
		]);
	});

	it('erases the mail to every address the person had', async () => {
		const summary = await erasePerson(db(), person.coordinator, person.contactId, LATER);
		expect(summary.mailsDeleted).toBe(2);
		const left = await db().selectFrom('mailOutbox').select('toAddress').execute();
		expect(left).toEqual([{ toAddress: 'jemand@anders.example' }]);
	});
});

describe('erasure on a SQLite file', () => {
	const MARKER = 'zqxerasuremarker';
	const bytesOf = (path: string) =>
		[path, `${path}-wal`]
			.filter((file) => existsSync(file))
			.map((file) => readFileSync(file).toString('latin1'))
			.join('');

	it('leaves none of the person in the database file or its WAL', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'kitz-erasure-'));
		const path = join(directory, 'kitz.sqlite');
		const database = openDatabase(`sqlite://${path}`);
		try {
			await migrateToLatest(database.db);
			const { coordinator, contactId } = await personWithMail(database.db, MARKER);
			expect(bytesOf(path).includes(MARKER)).toBe(true);
			await erasePerson(database.db, coordinator, contactId, LATER);
			// While the app still runs: neither the file nor the WAL keeps old page versions.
			expect(bytesOf(path).includes(MARKER)).toBe(false);
		} finally {
			await database.close();
		}
		expect(bytesOf(path).includes(MARKER)).toBe(false);
		rmSync(directory, { recursive: true, force: true });
	});
});
