// The portal search's relevance on the demo content (issue 13): every query of the relevance set
// (bench/relevance/queries.json) through the function behind /<lang>/search, on a fresh SQLite
// and a fresh PostgreSQL database; recall and precision of the first ten per language next to
// the targets, the worst queries with what they found, and whether both databases agree. A
// measurement: it prints FAIL where a target is missed and still ends normally.
import { join, resolve } from 'node:path';
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
import { analyseAfterLoad, withPostgres } from './postgres.js';

const CONTENT = resolve('content');
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
	await analyseAfterLoad(database);
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

/** Prints the figures on one database; returns the languages that miss a target. */
function report(name: string, answered: Answer[]): { failing: string[]; languages: number } {
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
	return { failing, languages: languages.length };
}

/** The answers on a PostgreSQL database of this run's own. */
function onPostgres(): Promise<Answer[]> {
	return withPostgres('kitz_relevance', async (url) => {
		const database = openDatabase(url);
		try {
			return await answers(database);
		} finally {
			await database.close();
		}
	});
}

export interface RelevanceOutcome {
	name: 'SQLite' | 'PostgreSQL';
	/** The languages that miss recall or precision@10. */
	failing: string[];
	languages: number;
}

/** Runs the relevance set on both databases and prints the figures. */
export async function benchRelevance(folder: string): Promise<RelevanceOutcome[]> {
	console.log('\nRelevance of the portal search on the demo content (bench/relevance/README.md)');
	const sqlite = openDatabase(`sqlite://${join(folder, 'relevance.sqlite')}`);
	let onSqlite: Answer[];
	try {
		onSqlite = await answers(sqlite);
	} finally {
		await sqlite.close();
	}
	const postgres = await onPostgres();
	const outcomes: RelevanceOutcome[] = [
		{ name: 'SQLite', ...report('SQLite', onSqlite) },
		{ name: 'PostgreSQL', ...report('PostgreSQL', postgres) }
	];
	const differing = onSqlite.filter(
		(answer, index) => answer.results.join('\n') !== postgres[index]!.results.join('\n')
	);
	console.log(
		`\nSQLite and PostgreSQL: ${differing.length} of ${onSqlite.length} queries returned different result lists` +
			(differing.length === 0 ? ' (the same everywhere)' : '')
	);
	for (const answer of differing.slice(0, WORST)) console.log(`  ${label(answer.query)}`);
	return outcomes;
}
