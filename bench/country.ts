// `npm run bench -- --scale country`: one installation for a whole country on PostgreSQL: 401
// districts (the real Kreis Schleswig-Flensburg and Flensburg, 399 synthetic ones; bench/
// districts.ts) with a million synthetic offers (BENCH_COUNTRY_OFFERS fewer), served by two app
// processes on one database. Prints how long generating and the first starts take, the search
// index's memory and build time, search pages' p95 per process, page throughput across both and
// each process's memory. The issue gives no targets for this scale: every figure is informational.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'kysely';
import { openDatabase } from '../src/lib/server/db/database.js';
import { migrateToLatest } from '../src/lib/server/db/migrate.js';
import { leaseHolderId, runUnderLease } from '../src/lib/server/jobs/job-lease.js';
import { OCCURRENCES_JOB, OCCURRENCES_PERIOD_MS } from '../src/lib/server/jobs/scheduler.js';
import { listPlaces } from '../src/lib/server/places/places.repository.js';
import { loadReferencePlaces } from '../src/lib/server/places/reference.js';
import { warmSearch } from '../src/lib/server/search/search.service.js';
import { COUNTRY_DISTRICTS, insertSyntheticDistricts, syntheticDistricts } from './districts.js';
import { generateOffers } from './generate.js';
import { analyseAfterLoad, withPostgres } from './postgres.js';
import { load, READY_PATH, rssMegabytes, startReady, type ReadyApp } from './server.js';
import { percentile, seconds } from './figures.js';

const OFFERS = Number(process.env.BENCH_COUNTRY_OFFERS ?? 1_000_000);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
/** Providers per district: 4,010 across the country, each offering in its own district. */
const PROVIDERS_PER_DISTRICT = 10;
/** Searches per kind and process, one at a time. */
const SEARCH_RUNS = Number(process.env.BENCH_COUNTRY_SEARCH_RUNS ?? 20);
const REAL_DISTRICT = '01059';

const milliseconds = (ms: number) => `${ms.toFixed(0)} ms`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Districts, places, providers and offers with their dates, as the date refresh leaves them. */
async function prepare(url: string): Promise<string[]> {
	const database = openDatabase(url);
	try {
		const db = database.db;
		await migrateToLatest(db);
		await loadReferencePlaces(db, resolve('content'));
		const real = await db
			.selectFrom('places')
			.innerJoin('districts', 'districts.id', 'places.districtId')
			.select(['places.name', 'places.lat', 'places.lon', 'places.population'])
			.where('districts.ags', '=', REAL_DISTRICT)
			.execute();
		const synthetic = syntheticDistricts(COUNTRY_DISTRICTS - 2, real);
		await insertSyntheticDistricts(db, synthetic);
		const places = await listPlaces(db);
		console.log(
			`  ${COUNTRY_DISTRICTS} districts (${COUNTRY_DISTRICTS - 2} synthetic: invented names on a ` +
				`grid over Germany), ${places.length.toLocaleString('en')} places`
		);
		const started = performance.now();
		// Under the date refresh's lease, as the job records its runs: the processes starting next
		// find the dates just made and do not roll a million offers forward again at once.
		await runUnderLease(
			db,
			OCCURRENCES_JOB,
			() =>
				generateOffers(db, OFFERS, resolve('content'), 0, {
					providers: PROVIDERS_PER_DISTRICT * COUNTRY_DISTRICTS,
					localPlaces: true,
					withDates: true
				}),
			{ holder: leaseHolderId(), periodMs: OCCURRENCES_PERIOD_MS }
		);
		await analyseAfterLoad(database);
		const { rows } = await sql<{ occurrences: string; size: string }>`select
			(select count(*) from offer_occurrences) as occurrences,
			pg_database_size(current_database()) as size`.execute(db);
		console.log(
			`  generated ${OFFERS.toLocaleString('en')} offers with their dates ` +
				`(${Number(rows[0]!.occurrences).toLocaleString('en')} occurrences) in ` +
				`${seconds(performance.now() - started)}; database ${megabytes(Number(rows[0]!.size))}`
		);
		// Synthetic places far apart, for radius searches all over the country.
		return places
			.filter((place) => place.ags.startsWith('99'))
			.filter((_, index) => index % 97 === 0)
			.map((place) => place.name);
	} finally {
		await database.close();
	}
}

/** The heap's size after a full collection (the bench runs without --expose-gc, so it asks V8). */
function settledHeap(): number {
	setFlagsFromString('--expose-gc');
	(runInNewContext('gc') as () => void)();
	const usage = process.memoryUsage();
	return usage.heapUsed + usage.external;
}

/** The search index's build time and memory, measured in this process as the app builds it. */
async function measureIndex(url: string) {
	const database = openDatabase(url);
	try {
		const before = settledHeap();
		const started = performance.now();
		await warmSearch(database.db);
		const took = performance.now() - started;
		console.log(
			`  search index built in ${seconds(took)}, holding ${megabytes(settledHeap() - before)} ` +
				'(heap and buffers after a collection, in the bench’s own process)'
		);
	} finally {
		await database.close();
	}
}

/** What the bench asks each process: topics cut short, filters, districts and radii across the country. */
function searchPaths(places: string[]): Record<string, (run: number) => string> {
	const topics = ['deutschkurs', 'beratung', 'sprachcafe', 'hausaufgabenhilfe', 'frauentreff'];
	const near = (run: number) => encodeURIComponent(places[run % places.length]!);
	const district = (run: number) => `kreis-${String(((run * 37) % 399) + 1).padStart(3, '0')}`;
	return {
		'text, cut short': (run) => {
			const word = topics[run % topics.length]!;
			return `/de/search?q=${word.slice(0, 4 + (run % (word.length - 3)))}`;
		},
		'two words': () => '/de/search?q=beratung+familie',
		'Turkish need (thesaurus)': () => '/tr/search?q=Almanca+kursu',
		filters: () => '/de/search?field=language&language=ar&free=1',
		'text in a district': (run) => `/de/search?q=deutschkurs&district=${district(run)}`,
		'radius 25 km': (run) => `/de/search?near=${near(run)}&radius=25`,
		'text + filter + radius': (run) =>
			`/de/search?q=sprach&field=language&near=${near(run)}&radius=50`
	};
}

/** Search pages one at a time, alternating between the processes; p50 and p95 per process. */
async function measureSearchPages(apps: ReadyApp[], places: string[]) {
	const times = apps.map(() => [] as number[]);
	const slowest = apps.map(() => ({ kind: '', p95: 0 }));
	for (const [kind, path] of Object.entries(searchPaths(places))) {
		const kindTimes = apps.map(() => [] as number[]);
		for (let run = 0; run < SEARCH_RUNS * apps.length; run++) {
			const app = run % apps.length;
			const url = `${apps[app]!.baseUrl}${path(Math.floor(run / apps.length))}`;
			const started = performance.now();
			const response = await fetch(url);
			await response.arrayBuffer();
			if (!response.ok) throw new Error(`${url} answered ${response.status}`);
			kindTimes[app]!.push(performance.now() - started);
		}
		kindTimes.forEach((list, app) => {
			list.sort((a, b) => a - b);
			times[app]!.push(...list);
			if (percentile(list, 0.95) > slowest[app]!.p95)
				slowest[app] = { kind, p95: percentile(list, 0.95) };
		});
	}
	times.forEach((list, app) => {
		list.sort((a, b) => a - b);
		console.log(
			`  search pages, process ${app + 1}: p50 ${milliseconds(percentile(list, 0.5))}, ` +
				`p95 ${milliseconds(percentile(list, 0.95))} over ${list.length} varied searches ` +
				`(slowest kind: ${slowest[app]!.kind}, p95 ${milliseconds(slowest[app]!.p95)})`
		);
	});
}

/** `path` under load on both processes at once, eight connections each, no proxy between. */
async function throughput(apps: ReadyApp[], label: string, path: string) {
	const results = await Promise.all(
		apps.map((app) => load(`${app.baseUrl}${path}`, LOAD_SECONDS, 8))
	);
	const rps = results.reduce((sum, result) => sum + result.rps, 0);
	const failed = results.reduce((sum, result) => sum + result.failed, 0);
	console.log(
		`  ${label.padEnd(24)} ${rps.toFixed(0).padStart(5)} req/s across both, ` +
			results
				.map(
					(result, app) =>
						`process ${app + 1} p95 ${milliseconds(result.p95)} p99 ${milliseconds(result.p99)}`
				)
				.join(', ') +
			`, failed ${failed}`
	);
}

/** Two app processes on the database: the first start, a second process, then the load. */
async function serve(url: string, places: string[]) {
	const apps: ReadyApp[] = [];
	const dataDirs: string[] = [];
	try {
		// One after the other, as a rolling start does: the first start records every offer's
		// base revision, which a second process starting at the same time would wait for.
		// Each process its own data folder, as on separate hosts: its own search index snapshot.
		for (const which of ['first process (first start)', 'second process']) {
			dataDirs.push(mkdtempSync(join(tmpdir(), 'kitz-country-')));
			const app = await startReady(url, OFFERS, dataDirs.at(-1)!);
			apps.push(app);
			console.log(
				`  ${which}: first page ${seconds(app.startedInMs)}, first search page ` +
					`${seconds(app.searchReadyInMs)}, RSS ${rssMegabytes(app.pid).toFixed(0)} MB`
			);
		}
		await measureSearchPages(apps, places);
		await throughput(apps, 'search page', READY_PATH);
		await throughput(apps, 'home', '/de');
		apps.forEach((app, index) =>
			console.log(
				`  process ${index + 1} after the load: RSS ${rssMegabytes(app.pid).toFixed(0)} MB`
			)
		);
	} catch (error) {
		for (const app of apps) console.error(`The app's output:\n${app.output()}`);
		throw error;
	} finally {
		await Promise.all(apps.map((app) => app.stop()));
		for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
	}
}

export async function benchCountry(build: () => void): Promise<void> {
	console.log(
		`\nCountry: PostgreSQL, ${COUNTRY_DISTRICTS} districts, ${OFFERS.toLocaleString('en')} offers, ` +
			'two app processes (the load alternates between their ports; no proxy)'
	);
	build();
	await withPostgres('kitz_bench_country', async (url) => {
		const places = await prepare(url);
		await measureIndex(url);
		await serve(url, places);
	});
	console.log(
		'\n  The issue sets no targets for this scale: the figures are informational (the 100,000-offer ' +
			'targets of one district are `npm run bench`).'
	);
}
