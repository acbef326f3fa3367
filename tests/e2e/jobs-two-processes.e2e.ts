import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db/database.js';
import { getSetting } from '../../src/lib/server/db/settings.repository.js';
import { queueMail, undeliveredMail } from '../../src/lib/server/mail/mail.service.js';
import { OFFERS_VERSION_SETTING } from '../../src/lib/server/offers/offers.schema.js';
import { startBuiltApp, type AppProcess } from '../support/app-process.js';
import { ADMIN_URL, runPrefix, urlFor } from '../support/postgres.js';
import { startSmtpReceiver } from '../support/smtp.js';

// Two app processes of the built app on one PostgreSQL database of this file's own.
const databaseName = `${runPrefix(process.pid)}jobs_two_apps`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
const dataDirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'kitz-e2e-jobs-')));
const apps: AppProcess[] = [];
const MAILS = 20;
let receiver: Awaited<ReturnType<typeof startSmtpReceiver>>;
let database: Database;
const versions: (string | undefined)[] = [];

beforeAll(async () => {
	await admin.connect();
	await admin.query(`create database ${databaseName}`);
	receiver = await startSmtpReceiver();
	for (const dataDir of dataDirs) {
		// One after the other, as a rolling start: the second finds the database prepared.
		apps.push(
			await startBuiltApp({
				DATABASE_URL: urlFor(databaseName),
				DATA_DIR: dataDir,
				DEMO_CONTENT: 'false',
				SMTP_URL: `smtp://127.0.0.1:${receiver.port}`,
				MAIL_FROM: 'KITZ <kitz@example.org>',
				MAIL_INTERVAL_SECONDS: '1'
			})
		);
		database ??= openDatabase(urlFor(databaseName));
		versions.push(await getSetting(database.db, OFFERS_VERSION_SETTING));
	}
}, 300_000);

afterAll(async () => {
	// Delivering every second keeps database connections busy, so SIGTERM would not end the apps.
	for (const app of apps) await app.stop('SIGKILL');
	await receiver?.stop();
	await database?.close();
	await admin.query(`drop database if exists ${databaseName} with (force)`);
	await admin.end();
	for (const dataDir of dataDirs) rmSync(dataDir, { recursive: true, force: true });
});

it('delivers every mail exactly once while both processes deliver at the same time', async () => {
	// A slow mail server: nothing is answered until both processes are sending a mail each.
	receiver.hold();
	const queued: number[] = [];
	for (let index = 0; index < MAILS; index++)
		queued.push(
			await queueMail(database.db, {
				to: `person${index}@example.org`,
				subject: `Mail ${index}`,
				text: 'Hallo'
			})
		);
	await vi.waitFor(() => expect(receiver.held()).toBe(2), { timeout: 30_000, interval: 50 });
	receiver.release();
	await vi.waitFor(async () => expect(await undeliveredMail(database.db)).toEqual([]), {
		timeout: 60_000,
		interval: 100
	});
	const recipients = receiver.received.flatMap((mail) => mail.to).sort();
	expect(recipients).toEqual(
		Array.from({ length: MAILS }, (_, index) => `person${index}@example.org`).sort()
	);
	const stored = await database.db
		.selectFrom('mailOutbox')
		.select(['id', 'toAddress', 'messageId'])
		.where('id', 'in', queued)
		.execute();
	for (const row of stored) {
		const mail = receiver.received.find((candidate) => candidate.to.includes(row.toAddress));
		expect(row.messageId).toMatch(new RegExp(`^<${row.id}\\.[0-9a-f]{16}@example\\.org>$`));
		expect(mail!.raw).toContain(`Message-ID: ${row.messageId}\r\n`);
	}
	for (const app of apps) expect(app.output()).not.toMatch(/failed|error/i);
});

it('leaves the offers version alone when the second process finds the dates up to date', () => {
	expect(versions[1]).toBe(versions[0]);
});
