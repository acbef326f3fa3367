import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { migrateToLatest } from '../../src/lib/server/db/migrate.js';
import { freePort, startBuiltApp, type AppProcess } from '../support/app-process.js';
import { ADMIN_URL, runPrefix, urlFor } from '../support/postgres.js';

// An app of its own on a PostgreSQL database of its own: the test holds up its start-up and
// later shuts the database's door on it.
const database = `${runPrefix(process.pid)}health`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
const dataDir = mkdtempSync(join(tmpdir(), 'kitz-e2e-health-'));
/** Holds the migrations table locked, so the app's start-up waits in its migration step. */
const blocker = new pg.Client({ connectionString: urlFor(database) });
let blocking = false;
let app: AppProcess | undefined;

/** Lets the start-up go on; the connection goes too, before the test shuts the database's door. */
async function releaseStartup() {
	if (!blocking) return;
	blocking = false;
	await blocker.query('commit');
	await blocker.end();
}

beforeAll(async () => {
	await admin.connect();
	await admin.query(`create database ${database}`);
	const migrated = openDatabase(urlFor(database));
	await migrateToLatest(migrated.db);
	await migrated.close();
	await blocker.connect();
	await blocker.query('begin');
	await blocker.query('lock table kysely_migration in access exclusive mode');
	blocking = true;
	app = await startBuiltApp(
		{ DATABASE_URL: urlFor(database), DATA_DIR: dataDir, DEMO_CONTENT: 'false' },
		{ firstPath: '/healthz' }
	);
});

afterAll(async () => {
	await releaseStartup();
	await app?.stop();
	await admin.query(`drop database if exists ${database} with (force)`);
	await admin.end();
	rmSync(dataDir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
	fetch(`${app!.baseUrl}${path}`, { headers, redirect: 'manual' });

async function readiness() {
	const response = await get('/readyz');
	return { status: response.status, body: await response.json() };
}

/** The app's JSON log lines (adapter-node's own "Listening on" line is plain text). */
function logLines(): Record<string, unknown>[] {
	return app!
		.output()
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line));
}

describe('probes and logs', () => {
	it('answers /healthz at once while the start-up still waits; /readyz says it is starting', async () => {
		const health = await get('/healthz');
		expect(health.status).toBe(200);
		expect(await health.json()).toEqual({ status: 'ok' });
		expect(health.headers.get('cache-control')).toBe('no-store');
		expect(health.headers.get('set-cookie')).toBeNull();

		const ready = await get('/readyz');
		expect(ready.status).toBe(503);
		expect(ready.headers.get('cache-control')).toBe('no-store');
		expect(await ready.json()).toMatchObject({
			status: 'unavailable',
			checks: { startup: 'starting' }
		});
	});

	it('becomes ready once started with the search index warm', async () => {
		await releaseStartup();
		await expect.poll(readiness, { timeout: 60_000, interval: 100 }).toEqual({
			status: 200,
			body: {
				status: 'ok',
				checks: { startup: 'ok', database: 'ok', migrations: 'ok', search: 'ok' }
			}
		});
	});

	it('writes one JSON access line per request with the id it sends back, without the query', async () => {
		const sent = await get('/de/search?q=max.mustermann%40example.org&near=24376', {
			'x-request-id': 'lb-0f8e6a52-3c1d'
		});
		expect(sent.status).toBe(200);
		expect(sent.headers.get('x-request-id')).toBe('lb-0f8e6a52-3c1d');
		const made = await get('/de/offers/no-such-offer', { 'x-request-id': '<script>' });
		expect(made.status).toBe(404);
		const madeId = made.headers.get('x-request-id')!;
		expect(madeId).toMatch(/^[0-9a-f-]{36}$/);

		const lineOf = (id: string) => logLines().find((line) => line.requestId === id);
		await expect.poll(() => lineOf(madeId), { timeout: 10_000 }).toBeDefined();
		expect(lineOf('lb-0f8e6a52-3c1d')).toMatchObject({
			level: 'info',
			msg: 'request',
			method: 'GET',
			route: '/(portal)/[lang=locale]/search',
			status: 200,
			durationMs: expect.any(Number)
		});
		expect(lineOf(madeId)).toMatchObject({
			route: '/(portal)/[lang=locale]/offers/[slug]',
			status: 404
		});
		expect(app!.output()).not.toMatch(/mustermann|example\.org|24376|no-such-offer|<script>/);
	});

	it('answers /readyz 503 while the database refuses connections, and 200 once it takes them again', async () => {
		await admin.query(`alter database ${database} with allow_connections false`);
		await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
			database
		]);
		await expect.poll(readiness, { timeout: 30_000, interval: 200 }).toMatchObject({
			status: 503,
			body: { status: 'unavailable', checks: { startup: 'ok', database: 'unreachable' } }
		});
		expect((await get('/healthz')).status).toBe(200);

		await admin.query(`alter database ${database} with allow_connections true`);
		await expect
			.poll(async () => (await readiness()).status, { timeout: 30_000, interval: 200 })
			.toBe(200);
	});

	it('writes nothing but JSON lines, apart from adapter-node\'s "Listening on"', () => {
		const other = app!
			.output()
			.split('\n')
			.filter((line) => line && !line.startsWith('{') && !line.startsWith('Listening on'));
		expect(other).toEqual([]);
	});
});

it('ends the process with a fatal line when the start-up fails, as when the server waited for it', async () => {
	// Nothing listens on a free port: the migrations cannot reach the database.
	const nowhere = `postgres://postgres@127.0.0.1:${await freePort()}/kitz`;
	await expect(
		startBuiltApp({ DATABASE_URL: nowhere, DATA_DIR: dataDir, DEMO_CONTENT: 'false' })
	).rejects.toThrow(/exited during start-up[\s\S]*"level":"fatal".*"msg":"Start-up failed"/);
});
