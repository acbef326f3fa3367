import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { startBuiltApp, type AppProcess } from '../support/app-process.js';
import { ADMIN_URL, runPrefix, urlFor } from '../support/postgres.js';

/** Control characters in every kind of parameter; PostgreSQL text cannot even hold a NUL. */
const PATHS = [
	'/de/offers/a%00b',
	'/api/v1/offers/%00',
	'/de/offers/a%00b/calendar.ics',
	'/de/search?q=%00',
	'/api/v1/offers?q=%00',
	'/de/office/contacts/1%00/data',
	'/de/rsvp/%00',
	'/de/offers/%01'
];

// The e2e server runs on SQLite; this file starts a second one on a PostgreSQL database of its own.
const database = `${runPrefix(process.pid)}bad_input`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
const dataDir = mkdtempSync(join(tmpdir(), 'kitz-e2e-pg-'));
let postgresApp: AppProcess | undefined;

beforeAll(async () => {
	await admin.connect();
	await admin.query(`create database ${database}`);
	postgresApp = await startBuiltApp({
		DATABASE_URL: urlFor(database),
		DATA_DIR: dataDir,
		DEMO_CONTENT: 'true'
	});
});

afterAll(async () => {
	await postgresApp?.stop();
	await admin.query(`drop database if exists ${database} with (force)`);
	await admin.end();
	rmSync(dataDir, { recursive: true, force: true });
});

async function expectRefused(baseUrl: string, path: string, init?: RequestInit) {
	const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual', ...init });
	const body = await response.text();
	expect(response.status, path).toBe(400);
	expect(body, path).not.toMatch(/\bat .+\.(js|ts):\d+/);
	return { response, body };
}

/** A form post with a NUL byte in a field, as a script (not a browser) can send it. */
const nulLogIn = (baseUrl: string): RequestInit => ({
	method: 'POST',
	headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams({ email: 'bea\0@kitz.example', password: 'Beas Passphrase' })
});

describe.each([
	['SQLite', () => e2eApp().baseUrl],
	['PostgreSQL', () => postgresApp!.baseUrl]
])('control characters on %s', (_name, baseUrl) => {
	it.each(PATHS)('%s is a 400, not a 500', async (path) => {
		const { response, body } = await expectRefused(baseUrl(), path);
		if (path.startsWith('/api/'))
			expect(JSON.parse(body)).toMatchObject({ error: { code: 'bad_request' } });
		else {
			expect(response.headers.get('content-type')).toContain('text/html');
			expect(body).toContain('Diese Adresse ist ungültig');
		}
	});

	it('answers in the language of the address', async () => {
		const { body } = await expectRefused(baseUrl(), '/en/offers/a%00b');
		expect(body).toContain('This address is not valid');
		expect(body).toContain('<html lang="en"');
	});

	it('refuses a form post with a NUL byte with a message, not a 500', async () => {
		const { body } = await expectRefused(baseUrl(), '/de/login', nulLogIn(baseUrl()));
		expect(body).toContain('Das Formular enthält ein unsichtbares Steuerzeichen');
	});
});

it('logs no error for any of them on PostgreSQL', () => {
	expect(postgresApp!.output()).not.toMatch(/error|invalid byte sequence/i);
});
