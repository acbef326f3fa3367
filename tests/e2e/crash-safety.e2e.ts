import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCall, openCall } from '../../src/lib/server/committees/calls.service.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { factoryEditor } from '../factories/account.factory.js';
import { createTestCommittee } from '../factories/committee.factory.js';
import { startBuiltApp, type AppProcess } from '../support/app-process.js';
import { demoDistrict } from '../support/demo.js';
import { ADMIN_URL, runPrefix, urlFor } from '../support/postgres.js';

/**
 * Kill -9 under write load: concurrent applications through the portal's public form, the app
 * killed with SIGKILL after ACKNOWLEDGED_BEFORE_KILL of them were answered while the others are
 * still in flight, then restarted on the same database. Every write the app acknowledged (its
 * 303 fully received) must be there, whole, and the app must work as before.
 */
const WRITERS = 8;
const ACKNOWLEDGED_BEFORE_KILL = 60;
const SLUG = 'mitmachen-im-integrationsbeirat';

// Each write comes from an address of its own (as behind a proxy), so the form's flood throttle
// of ten an hour per address never answers instead of storing.
const PROXY = { ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' };
const addressOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
const emailOf = (run: string, n: number) => `crash-${run}-${n}@example.org`;

/** An open call of the district's integration advisory board, written as the office would. */
async function openTestCall(databaseUrl: string) {
	const database = openDatabase(databaseUrl);
	try {
		const { id: districtId } = await demoDistrict(database.db);
		const { committeeId } = await createTestCommittee(database.db, districtId);
		const editor = await factoryEditor(database.db, districtId);
		const deadline = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
		const callId = await createCall(database.db, editor, {
			committeeId,
			termId: null,
			title: 'Mitmachen im Integrationsbeirat',
			text: 'Der Integrationsbeirat sucht Menschen mit eigener Erfahrung der Einwanderung.',
			seatsSought: 3,
			eligibility: 'Menschen ab 16 Jahren, die im Kreis wohnen.',
			deadline
		});
		await openCall(database.db, editor, callId);
	} finally {
		await database.close();
	}
}

/** Sends application `n`; resolves once the app's 303 to the thank-you page is fully received. */
async function apply(baseUrl: string, run: string, n: number): Promise<void> {
	const response = await fetch(`${baseUrl}/de/mitmachen/${SLUG}`, {
		method: 'POST',
		redirect: 'manual',
		// As a browser without JavaScript posts it: HTML accepted, so the answer is the redirect.
		headers: {
			accept: 'text/html',
			origin: baseUrl,
			'content-type': 'application/x-www-form-urlencoded',
			'x-forwarded-for': addressOf(n)
		},
		body: new URLSearchParams({
			name: `Crash ${n}`,
			email: emailOf(run, n),
			message: `Bewerbung ${n}`,
			consent: 'yes',
			website: ''
		})
	});
	await response.text();
	if (response.status !== 303 || !response.headers.get('location')?.endsWith('/danke'))
		throw new Error(`Application ${n} was answered ${response.status}, not stored`);
}

interface LoadResult {
	acknowledged: number[];
	sent: number;
	/** Requests that got no answer because the app died under them. */
	cutOff: number;
}

/**
 * WRITERS loops each send one application after the other; the one that receives the
 * ACKNOWLEDGED_BEFORE_KILL-th answer kills the app, while the others wait for theirs.
 */
async function writeUntilKilled(app: AppProcess, run: string): Promise<LoadResult> {
	const acknowledged: number[] = [];
	let sent = 0;
	let cutOff = 0;
	let killed: Promise<void> | undefined;
	const writer = async () => {
		while (!killed) {
			const n = ++sent;
			try {
				await apply(app.baseUrl, run, n);
			} catch (failure) {
				if (!killed) {
					// Ends the other writers too: the run failed before the kill.
					killed = app.kill();
					throw failure;
				}
				cutOff++;
				return;
			}
			acknowledged.push(n);
			if (acknowledged.length === ACKNOWLEDGED_BEFORE_KILL) killed = app.kill();
		}
	};
	await Promise.all(Array.from({ length: WRITERS }, writer));
	await killed;
	return { acknowledged, sent, cutOff };
}

/** The applications of this run in the database: each applicant's number and their count. */
async function storedApplications(databaseUrl: string, run: string) {
	const database = openDatabase(databaseUrl);
	try {
		const contacts = await database.db
			.selectFrom('contacts')
			.leftJoin('committeeApplications', 'committeeApplications.contactId', 'contacts.id')
			.select(['contacts.email', database.db.fn.count('committeeApplications.id').as('count')])
			.where('contacts.email', 'like', `crash-${run}-%`)
			.groupBy('contacts.email')
			.execute();
		return new Map(
			contacts.map(({ email, count }) => [Number(/-(\d+)@/.exec(email ?? '')![1]), Number(count)])
		);
	} finally {
		await database.close();
	}
}

interface Target {
	name: string;
	/** The database in `dataDir`, the folder of the app's key file (and of the SQLite file). */
	setUp(dataDir: string): Promise<{ env: Record<string, string>; databaseUrl: string }>;
	/** What a process kill must not break in the database itself. */
	checkIntegrity(databaseUrl: string): Promise<void>;
	tearDown?(): Promise<void>;
}

const postgresName = `${runPrefix(process.pid)}crash`;
const admin = new pg.Client({ connectionString: ADMIN_URL });

const TARGETS: Target[] = [
	{
		name: 'SQLite',
		setUp: async (dataDir) => {
			const databaseUrl = `sqlite://${join(dataDir, 'kitz.sqlite')}`;
			return { env: { DATABASE_URL: databaseUrl, DATA_DIR: dataDir }, databaseUrl };
		},
		checkIntegrity: async (databaseUrl) => {
			const database = openDatabase(databaseUrl);
			try {
				const { rows } = await sql<{
					integrityCheck: string;
				}>`pragma integrity_check`.execute(database.db);
				expect(rows).toEqual([{ integrityCheck: 'ok' }]);
			} finally {
				await database.close();
			}
		}
	},
	{
		name: 'PostgreSQL',
		setUp: async (dataDir) => {
			await admin.connect();
			await admin.query(`create database ${postgresName}`);
			const databaseUrl = urlFor(postgresName);
			return { env: { DATABASE_URL: databaseUrl, DATA_DIR: dataDir }, databaseUrl };
		},
		// The server, not the killed client, owns durability; no transaction of the app may be
		// left open by the dead process.
		checkIntegrity: async () => {
			const { rows } = await admin.query<{ open: number }>(
				`select count(*)::int as open from pg_stat_activity
				 where datname = $1 and state like 'idle in transaction%'`,
				[postgresName]
			);
			expect(rows).toEqual([{ open: 0 }]);
		},
		tearDown: async () => {
			await admin.query(`drop database if exists ${postgresName} with (force)`);
			await admin.end();
		}
	}
];

describe.each(TARGETS)('kill -9 under concurrent writes on $name', (target) => {
	const run = target.name.toLowerCase();
	let dataDir = '';
	let env: Record<string, string>;
	let databaseUrl = '';
	let app: AppProcess | undefined;
	let load: LoadResult;

	beforeAll(async () => {
		dataDir = mkdtempSync(join(tmpdir(), `kitz-crash-${run}-`));
		({ env, databaseUrl } = await target.setUp(dataDir));
		env = { ...env, ...PROXY, DEMO_CONTENT: 'false' };
		// The first start migrates and loads the district, which the call belongs to.
		app = await startBuiltApp(env);
		await openTestCall(databaseUrl);
		load = await writeUntilKilled(app, run);
		app = await startBuiltApp(env);
	});

	afterAll(async () => {
		await app?.stop();
		await target.tearDown?.();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	});

	it('was killed while writes were in flight', () => {
		expect(load.acknowledged.length).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);
		expect(load.cutOff).toBeGreaterThan(0);
	});

	it('keeps every acknowledged application, each whole, and nothing never sent', async () => {
		const stored = await storedApplications(databaseUrl, run);
		const missing = load.acknowledged.filter((n) => stored.get(n) !== 1);
		expect(missing).toEqual([]);
		// The contact and its application are one transaction: never one without the other.
		expect([...stored.values()].every((count) => count === 1)).toBe(true);
		expect([...stored.keys()].every((n) => n >= 1 && n <= load.sent)).toBe(true);
	});

	it('answers and stores as before after the restart', async () => {
		const page = await fetch(`${app!.baseUrl}/de/mitmachen/${SLUG}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Mitmachen im Integrationsbeirat');
		const next = load.sent + 1;
		await apply(app!.baseUrl, run, next);
		expect((await storedApplications(databaseUrl, run)).get(next)).toBe(1);
	});

	it('leaves the database intact', async () => {
		await target.checkIntegrity(databaseUrl);
	});
});
