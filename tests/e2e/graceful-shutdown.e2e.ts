import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltApp, type AppProcess } from '../support/app-process.js';
import { ADMIN_URL, runPrefix, urlFor } from '../support/postgres.js';

const database = `${runPrefix(process.pid)}shutdown`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
const dataDirs: string[] = [];
const started: AppProcess[] = [];

/** An app of its own, as the tests stop it; without the demo, which would take 30 s to seed. */
async function startApp(databaseUrl: string): Promise<AppProcess> {
	const dataDir = mkdtempSync(join(tmpdir(), 'kitz-e2e-shutdown-'));
	dataDirs.push(dataDir);
	const app = await startBuiltApp({
		DATABASE_URL: databaseUrl,
		DATA_DIR: dataDir,
		DEMO_CONTENT: 'false'
	});
	started.push(app);
	return app;
}

beforeAll(async () => {
	await admin.connect();
	await admin.query(`create database ${database}`);
});

afterAll(async () => {
	for (const app of started) await app.stop();
	await admin.query(`drop database if exists ${database} with (force)`);
	await admin.end();
	for (const dataDir of dataDirs) rmSync(dataDir, { recursive: true, force: true });
});

const QUERIES = ['deutschkurs', 'beratung', 'arbeit', 'kinder', 'sprachcafé'];

/**
 * Twenty searches at once; resolves when the first has answered — by then the server has read
 * every request (the loop turned many times since they were sent), and the others are under way.
 */
async function searchesUnderWay(app: AppProcess) {
	let answered!: () => void;
	const firstAnswer = new Promise<void>((resolve) => (answered = resolve));
	const finishedAt: number[] = [];
	const searches = Array.from({ length: 20 }, async (_, index) => {
		const query = encodeURIComponent(`${QUERIES[index % QUERIES.length]} ${index}`);
		const response = await fetch(`${app.baseUrl}/de/search?q=${query}`);
		answered();
		await response.text();
		finishedAt.push(performance.now());
		return response.status;
	});
	await firstAnswer;
	return { searches: Promise.allSettled(searches), finishedAt };
}

describe.each([
	['SQLite', () => ''],
	['PostgreSQL', () => urlFor(database)]
])('SIGTERM on %s', (_name, databaseUrl) => {
	it('answers the requests under way, then closes the database and exits within 2 s', async () => {
		const app = await startApp(databaseUrl());
		const { searches, finishedAt } = await searchesUnderWay(app);
		const signalled = performance.now();
		const exitCode = await app.stop();
		const exitedInMs = performance.now() - signalled;
		const results = await searches;
		expect(
			results.map((result) => (result.status === 'fulfilled' ? result.value : result.reason))
		).toEqual(Array(20).fill(200));
		// The signal came while searches were running, not after them.
		expect(finishedAt.filter((time) => time > signalled).length).toBeGreaterThan(0);
		expect(exitCode).toBe(0);
		expect(exitedInMs).toBeLessThan(2000);
		expect(app.output()).not.toMatch(/error/i);
	});
});

async function outputContains(app: AppProcess, text: string) {
	while (!app.output().includes(text)) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** A form post whose body never ends; resolves once the server has read its head (100 Continue). */
function postThatNeverEnds(app: AppProcess): Promise<void> {
	return new Promise((resolve, reject) => {
		const post = request(`${app.baseUrl}/de/login`, {
			method: 'POST',
			headers: {
				origin: app.baseUrl,
				'content-type': 'application/x-www-form-urlencoded',
				'content-length': '100',
				expect: '100-continue'
			}
		});
		post.on('continue', () => post.write('email=', () => resolve()));
		// The server is killed while it waits for the rest.
		post.on('error', () => {});
		post.on('response', () => reject(new Error('The post was answered')));
		post.flushHeaders();
	});
}

it('exits at once on a second signal', async () => {
	const app = await startApp('');
	await postThatNeverEnds(app);
	const exited = app.stop();
	// Two signals sent at once may arrive as one.
	await outputContains(app, 'SIGTERM: finishing the requests under way');
	void app.stop();
	expect(await exited).toBe(1);
	expect(app.output()).toContain('SIGTERM again: exiting without waiting');
});
