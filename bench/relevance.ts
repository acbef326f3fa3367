// The portal search's relevance on the demo content (issue 13): every query of the relevance set
// (bench/relevance/queries.json) through the function behind /<lang>/search, on a fresh SQLite
// and a fresh PostgreSQL database; recall and precision of the first ten per language next to
// the targets, the worst queries with what they found, and whether both databases agree. A
// measurement: it prints FAIL where a target is missed and still ends normally.
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { LOCALES } from '../src/lib/i18n/locales.js';
import { readConfig } from '../src/lib/server/config.js';
import { openDatabase, type Database } from '../src/lib/server/db/database.js';
import { migrateToLatest } from '../src/lib/server/db/migrate.js';
import { seedDemoContent } from '../src/lib/server/demo/demo.seed.js';
import { loadReferencePlaces } from '../src/lib/server/places/reference.js';
import { parseSearchParams } from '../src/lib/server/search/search.schema.js';
import { portalSearch } from '../src/lib/server/search/search-page.service.js';
import {
	readDemoContent,
	readRelevanceSet,
	relevantKeys,
	searchParamsFor,
	type RelevanceQuery
} from './relevance/set.js';
import {
	aggregate,
	precisionAt10,
	recall,
	TARGETS,
	type LanguageFigures
} from './relevance/scoring.js';

const CONTENT = resolve('content');
const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const WORST = Number(process.env.BENCH_WORST ?? 15);

interface Answer {
	query: RelevanceQuery;
	relevant: Set<string>;
	/** Demo keys of the whole result list, in the order shown, all pages. */
	results: string[];
}

/** Migrates, loads the places and seeds the demo content; the demo's offer keys by id. */
async function seeded(database: Database): Promise<Map<number, string>> {
	await migrateToLatest(database.db);
	await loadReferencePlaces(database.db, CONTENT);
	const ids = await database.db
		.transaction()
		.execute((trx) => seedDemoContent(trx, CONTENT, new Date()));
	return new Map([...ids].map(([key, id]) => [id, key]));
}

/** Every page of the portal's search for `query`, in the query's language. */
async function resultsOf(database: Database, keys: Map<number, string>, query: RelevanceQuery) {
	const { filters, notices } = parseSearchParams(searchParamsFor(query));
	const freshness = readConfig({});
	const results: string[] = [];
	for (let page = 1; ; page++) {
		const { result } = await portalSearch(database.db, { ...filters, page }, query.language, {
			notices,
			freshness
		});
		results.push(...result.items.map((item) => keys.get(item.id) ?? `#${item.id}`));
		if (page >= result.pageCount) return results;
	}
}

async function answers(database: Database): Promise<Answer[]> {
	const set = readRelevanceSet();
	const demo = readDemoContent(CONTENT);
	const keys = await seeded(database);
	const answered: Answer[] = [];
	for (const query of set.queries)
		answered.push({
			query,
			relevant: query.expectNone ? new Set() : relevantKeys(set, query, demo),
			results: await resultsOf(database, keys, query)
		});
	return answered;
}

const figure = (value: number) => value.toFixed(2).padStart(6);
const verdict = (value: number, target: number) => (value >= target ? 'pass' : 'FAIL');
const label = (query: RelevanceQuery) =>
	`[${query.language}] "${query.text}"${query.params ? ` (${query.params})` : ''}`;

function printFigures(row: LanguageFigures) {
	console.log(
		`  ${row.language.padEnd(10)} ${String(row.queries).padStart(7)}` +
			`  ${figure(row.recall)}  ${verdict(row.recall, TARGETS.recall).padEnd(4)}` +
			`  ${figure(row.precisionAt10)}  ${verdict(row.precisionAt10, TARGETS.precisionAt10).padEnd(4)}` +
			`  ${row.passes ? 'PASS' : 'FAIL'}`
	);
}

function report(name: string, answered: Answer[]) {
	const scored = answered
		.filter((answer) => !answer.query.expectNone)
		.map((answer) => ({
			answer,
			language: answer.query.language,
			recall: recall(answer.results, answer.relevant),
			precisionAt10: precisionAt10(answer.results, answer.relevant)
		}));
	const { languages, overall } = aggregate(scored, LOCALES);
	console.log(`\nRelevance on ${name}: ${scored.length} judged queries`);
	console.log(
		`  language   queries  recall (≥ ${TARGETS.recall})  P@10 (≥ ${TARGETS.precisionAt10})  target`
	);
	for (const row of languages) printFigures(row);
	printFigures(overall);
	const failing = languages.filter((row) => !row.passes).map((row) => row.language);
	console.log(
		failing.length === 0
			? '  every language meets both targets'
			: `  TARGETS MISSED in ${failing.length} of ${languages.length} languages: ${failing.join(', ')}`
	);

	const none = answered.filter((answer) => answer.query.expectNone);
	const filled = none.filter((answer) => answer.results.length > 0);
	console.log(
		`  nothing in the demo: ${none.length} queries, ${none.length - filled.length} answered with an empty list` +
			filled
				.map((answer) => `\n    ${label(answer.query)} showed ${answer.results.length} offers`)
				.join('')
	);

	const shown = answered.filter((answer) =>
		(answer.query.mustNot ?? []).some((key) => answer.results.includes(key))
	);
	console.log(
		`  must not appear: ${shown.length} of ${answered.filter((answer) => answer.query.mustNot).length} queries showed an offer they name` +
			shown.map((answer) => `\n    ${label(answer.query)}`).join('')
	);

	console.log(`\n  The ${WORST} worst queries on ${name} (mean of recall and P@10):`);
	const worst = [...scored]
		.sort(
			(a, b) =>
				a.recall + a.precisionAt10 - (b.recall + b.precisionAt10) ||
				b.answer.relevant.size - a.answer.relevant.size ||
				label(a.answer.query).localeCompare(label(b.answer.query))
		)
		.slice(0, WORST);
	for (const { answer, recall: found, precisionAt10: precise } of worst) {
		const { results, relevant } = answer;
		console.log(
			`  ${label(answer.query)}  recall ${found.toFixed(2)}  P@10 ${precise.toFixed(2)}` +
				`  ${results.length} found, ${relevant.size} relevant`
		);
		const first = results
			.slice(0, 10)
			.map((key) => `${relevant.has(key) ? '✓' : '✗'} ${key}`)
			.join(', ');
		console.log(`      returned: ${first || '(nothing)'}${results.length > 10 ? ', …' : ''}`);
	}
}

/**
 * Waits (up to five seconds) until the closed pool's connections have left `name`: closing the
 * pool does not wait for them, and dropping with force under them makes each one report a lost
 * connection in the middle of the figures.
 */
async function sessionsGone(admin: pg.Client, name: string) {
	for (let attempt = 0; attempt < 50; attempt++) {
		const { rows } = await admin.query<{ n: string }>(
			'select count(*) as n from pg_stat_activity where datname = $1',
			[name]
		);
		if (Number(rows[0]!.n) === 0) return;
		await new Promise((done) => setTimeout(done, 100));
	}
}

/** A PostgreSQL database of its own, named for this run, and dropped by it alone. */
async function withPostgres<T>(work: (database: Database) => Promise<T>): Promise<T> {
	const name = `kitz_relevance_${process.pid}_${randomBytes(4).toString('hex')}`;
	const admin = new pg.Client({ connectionString: PG_ADMIN });
	await admin.connect();
	try {
		await admin.query(`create database ${name}`);
		const url = new URL(PG_ADMIN);
		url.pathname = `/${name}`;
		const database = openDatabase(url.toString());
		try {
			return await work(database);
		} finally {
			await database.close();
			await sessionsGone(admin, name);
			await admin.query(`drop database if exists ${name} with (force)`);
		}
	} finally {
		await admin.end();
	}
}

/** Runs the relevance set on both databases and prints the figures. */
export async function benchRelevance(folder: string): Promise<void> {
	console.log('\nRelevance of the portal search on the demo content (bench/relevance/README.md)');
	const sqlite = openDatabase(`sqlite://${join(folder, 'relevance.sqlite')}`);
	let onSqlite: Answer[];
	try {
		onSqlite = await answers(sqlite);
	} finally {
		await sqlite.close();
	}
	const onPostgres = await withPostgres(answers);
	report('SQLite', onSqlite);
	report('PostgreSQL', onPostgres);
	const differing = onSqlite.filter(
		(answer, index) => answer.results.join('\n') !== onPostgres[index]!.results.join('\n')
	);
	console.log(
		`\nSQLite and PostgreSQL: ${differing.length} of ${onSqlite.length} queries returned different result lists` +
			(differing.length === 0 ? ' (the same everywhere)' : '')
	);
	for (const answer of differing.slice(0, WORST)) console.log(`  ${label(answer.query)}`);
}
