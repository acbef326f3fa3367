// `npm run bench`: 100,000 synthetic offers on SQLite and PostgreSQL; prints search latency,
// rendered search page throughput under load from a separate process, page weights, how soon
// the app answers after a restart, and the yearly report's generation time for a district with
// 200 measures, the support chains' gap matrix (bench/chains.ts; BENCH_ONLY=chains alone) and the
// search's relevance on the demo content (bench/relevance.ts; BENCH_ONLY=relevance alone).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { openDatabase, type Database } from '../src/lib/server/db/database.js';
import { migrateToLatest } from '../src/lib/server/db/migrate.js';
import { loadReferencePlaces } from '../src/lib/server/places/reference.js';
import type { Locale } from '../src/lib/i18n/locales.js';
import { parseSearchParams } from '../src/lib/server/search/search.schema.js';
import { searchOffers, warmSearch } from '../src/lib/server/search/search.service.js';
import { startBuiltApp } from '../tests/support/app-process.js';
import { benchChains, GAP_MATRIX_TARGET_MS } from './chains.js';
import { generateOffers, TOPICS } from './generate.js';
import { benchRelevance } from './relevance.js';
import { TARGETS as RELEVANCE_TARGETS } from './relevance/scoring.js';
import { generateMeasures, measureReport, REPORT_TARGET_SECONDS } from './report.js';

const OFFERS = Number(process.env.BENCH_OFFERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// What newcomers type: topics and town names, often cut short (prefixes of four letters or more).
const FRESH_WORDS = [
	...TOPICS,
	...[
		'Kappeln',
		'Schleswig',
		'Flensburg',
		'Harrislee',
		'Tarp',
		'Kropp',
		'Satrup',
		'Gelting',
		'Glücksburg',
		'Handewitt'
	]
].map((word) => word.toLowerCase());
/** Each run a query the text cache has not seen: varying words and prefix lengths. */
const freshText = (run: number) => {
	const word = FRESH_WORDS[run % FRESH_WORDS.length]!;
	const cut = 4 + (Math.floor(run / FRESH_WORDS.length) % Math.max(1, word.length - 3));
	return `q=${encodeURIComponent(word.slice(0, cut))}`;
};
const QUERIES: Record<string, string | ((run: number) => string)> = {
	'text, new words each time': freshText,
	'text, repeated (refining)': 'q=deutschkurs',
	'two words, repeated': 'q=beratung familie',
	'Turkish need (thesaurus)': 'q=Almanca+kursu',
	'Russian, typo, place': 'q=курсы+немецкого+Flensborg',
	filters: 'field=language&language=ar&free=1',
	radius: 'near=Kappeln&radius=25',
	'text + filters + radius': 'q=sprach&field=language&near=Schleswig&radius=50'
};
/** The portal language each query is typed in (German where not named). */
const QUERY_LOCALES: Record<string, Locale> = {
	'Turkish need (thesaurus)': 'tr',
	'Russian, typo, place': 'ru'
};

function percentile(sorted: number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function measureSearch(database: Database) {
	const figures: Record<string, { p50: number; p95: number }> = {};
	for (const [name, query] of Object.entries(QUERIES)) {
		const times: number[] = [];
		for (let run = 0; run < RUNS + 10; run++) {
			const { filters } = parseSearchParams(
				new URLSearchParams(typeof query === 'string' ? query : query(run))
			);
			const started = performance.now();
			await searchOffers(database.db, filters, QUERY_LOCALES[name] ?? 'de');
			if (run >= 10) times.push(performance.now() - started);
		}
		times.sort((a, b) => a - b);
		figures[name] = { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
	}
	return figures;
}

/**
 * Runs `work` against the app at its first start, then restarts it and prints how soon it answers:
 * the first start gives every offer a base revision, a restart finds them and must not wait.
 */
async function withServer(databaseUrl: string, work: (baseUrl: string) => Promise<void>) {
	// A free port, and a loud failure if the app does not come up: a fixed range once hit
	// another service's port and every request of the load test failed.
	const start = () =>
		startBuiltApp({ DATABASE_URL: databaseUrl, DEMO_CONTENT: 'false' }, { startupSeconds: 1800 });
	const app = await start();
	console.log(
		`  first start, a base revision for each offer ${(app.startedInMs / 1000).toFixed(1)} s`
	);
	try {
		await work(app.baseUrl);
	} finally {
		await app.stop();
	}
	const again = await start();
	await again.stop();
	console.log(
		`  first answer after a restart              ${format(again.startedInMs).padStart(11)}  (target ≤ 1 s)`
	);
}

function load(url: string) {
	const output = execFileSync(
		process.execPath,
		['--import', 'tsx', 'bench/load.ts', url, String(LOAD_SECONDS), '16'],
		{
			encoding: 'utf8'
		}
	);
	return JSON.parse(output) as { rps: number; p50: number; p95: number; failed: number };
}

/** Bytes of the page and everything it loads, raw and gzip-compressed. */
async function pageWeight(baseUrl: string, path: string) {
	const html = await (await fetch(`${baseUrl}${path}`)).text();
	const assets = [...html.matchAll(/(?:href|src)="(\/[^"]+\.(?:css|js|svg))"/g)].map(
		(match) => match[1]!
	);
	const bodies = [Buffer.from(html)];
	for (const asset of new Set(assets))
		bodies.push(Buffer.from(await (await fetch(`${baseUrl}${asset}`)).arrayBuffer()));
	return {
		raw: bodies.reduce((sum, body) => sum + body.length, 0),
		gzip: bodies.reduce((sum, body) => sum + gzipSync(body).length, 0)
	};
}

async function prepare(url: string): Promise<Database> {
	const database = openDatabase(url);
	await migrateToLatest(database.db);
	await loadReferencePlaces(database.db, resolve('content'));
	const started = performance.now();
	await generateOffers(database.db, OFFERS, resolve('content'));
	console.log(
		`  generated ${OFFERS.toLocaleString('en')} offers in ${((performance.now() - started) / 1000).toFixed(1)} s`
	);
	return database;
}

const format = (ms: number) => `${ms.toFixed(2)} ms`;

async function benchmark(name: string, url: string, searchOnly = false) {
	console.log(`\n${name}`);
	const database = await prepare(url);
	const warming = performance.now();
	// As a running server does at start and after each change, before visitors' searches count.
	await warmSearch(database.db);
	console.log(
		`  index and frequent-term sets built in ${Math.round(performance.now() - warming)} ms`
	);
	const search = await measureSearch(database);
	if (!searchOnly) await measureReport(database.db, await generateMeasures(database.db));
	await database.close();
	for (const [query, { p50, p95 }] of Object.entries(search)) {
		console.log(
			`  search ${query.padEnd(28)} p50 ${format(p50).padStart(10)}  p95 ${format(p95).padStart(10)}  (target ≤ 10 ms)`
		);
	}
	if (searchOnly) return;
	await withServer(url, async (baseUrl) => {
		for (const [label, path] of [
			['search page, text query', '/de/search?q=deutschkurs'],
			['search page, radius', '/de/search?near=Kappeln&radius=25']
		] as const) {
			const result = load(`${baseUrl}${path}`);
			console.log(
				`  ${label.padEnd(33)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${format(result.p50)}  p95 ${format(result.p95)}  failed ${result.failed}`
			);
		}
		for (const [label, path] of [
			['home', '/de'],
			['search', '/de/search?q=deutschkurs']
		] as const) {
			const weight = await pageWeight(baseUrl, path);
			console.log(
				`  bytes ${label.padEnd(27)} ${weight.raw.toLocaleString('en')} raw, ${weight.gzip.toLocaleString('en')} gzip`
			);
		}
	});
}

/** Everything but the gap matrix, on both dialects. */
async function benchOffers(folder: string, searchOnly: boolean) {
	if (!searchOnly) execFileSync('npx', ['vite', 'build'], { stdio: 'ignore' });
	await benchmark('SQLite', `sqlite://${join(folder, 'bench.sqlite')}`, searchOnly);
	const admin = new pg.Client({ connectionString: PG_ADMIN });
	await admin.connect();
	await admin.query('drop database if exists kitz_bench with (force)');
	await admin.query('create database kitz_bench');
	const url = new URL(PG_ADMIN);
	url.pathname = '/kitz_bench';
	await benchmark('PostgreSQL', url.toString(), searchOnly);
	await admin.query('drop database if exists kitz_bench with (force)');
	await admin.end();
}

const folder = mkdtempSync(join(tmpdir(), 'kitz-bench-'));
try {
	// BENCH_ONLY=chains, =relevance or =search (search latency at 100,000 offers) measures that
	// alone, without the build and the servers.
	const only = process.env.BENCH_ONLY;
	if (!only || only === 'search') await benchOffers(folder, only === 'search');
	if (!only || only === 'chains') await benchChains(folder);
	if (!only || only === 'relevance') await benchRelevance(folder);
	console.log(
		'\nTargets: search p95 ≤ 10 ms on SQLite at 100,000 offers; home ≤ 30 KB compressed;\n' +
			'first answer after a restart ≤ 1 s at 100,000 offers; ' +
			`a year's report made the first time ≤ ${REPORT_TARGET_SECONDS} s; ` +
			`the full gap matrix p95 ≤ ${GAP_MATRIX_TARGET_MS} ms at 100,000 offers and 1,000 places;\n` +
			`relevance on the demo content: recall ≥ ${RELEVANCE_TARGETS.recall} and ` +
			`precision@10 ≥ ${RELEVANCE_TARGETS.precisionAt10} in every language, on both databases.`
	);
} finally {
	rmSync(folder, { recursive: true, force: true });
}
