// The targets of issues 13 and 14 (and the earlier ones the bench measures), each printed at the
// end next to the figure this run measured, with PASS or FAIL. A target this run did not measure
// (BENCH_ONLY, or a part that failed) is listed as not measured, never as passed.

export const TARGETS = {
	searchSqlite: 'search p95 ≤ 10 ms at 100,000 offers, SQLite (slowest query)',
	searchPostgres: 'search p95 ≤ 10 ms at 100,000 offers, PostgreSQL (slowest query)',
	rebuildStallSqlite: 'event loop never blocked > 50 ms during an index rebuild, SQLite',
	rebuildStallPostgres: 'event loop never blocked > 50 ms during an index rebuild, PostgreSQL',
	restartSqlite: 'first search answer after a restart ≤ 1 s at 100,000 offers, SQLite',
	restartPostgres: 'first search answer after a restart ≤ 1 s at 100,000 offers, PostgreSQL',
	rssSqlite: 'app RSS ≤ 150 MB after the load run, SQLite',
	rssPostgres: 'app RSS ≤ 150 MB after the load run, PostgreSQL',
	throughputSqlite: 'search page throughput ≥ 50 % of its bytes served statically, SQLite',
	throughputPostgres: 'search page throughput ≥ 50 % of its bytes served statically, PostgreSQL',
	throughputHomeSqlite: 'home throughput ≥ 50 % of its bytes served statically, SQLite',
	throughputHomePostgres: 'home throughput ≥ 50 % of its bytes served statically, PostgreSQL',
	p99Sqlite: 'search page and home p99 at 50 connections ≤ 100 ms, SQLite',
	p99Postgres: 'search page and home p99 at 50 connections ≤ 100 ms, PostgreSQL',
	homeWeight: 'home page ≤ 30 KB compressed, with what it loads',
	report: 'a year’s report, first PDF ≤ 10 s (200 measures)',
	gapMatrix: 'gap matrix p95 ≤ 200 ms at 100,000 offers and 1,000 places',
	relevanceSqlite: 'relevance recall ≥ 0.9 and P@10 ≥ 0.8 in every language, SQLite',
	relevancePostgres: 'relevance recall ≥ 0.9 and P@10 ≥ 0.8 in every language, PostgreSQL'
} as const;

export type Target = keyof typeof TARGETS;

const measured = new Map<Target, { figure: string; pass: boolean }>();

/** Records the figure for a target; returns the verdict to print beside it where it is measured. */
export function check(target: Target, figure: string, pass: boolean): 'PASS' | 'FAIL' {
	measured.set(target, { figure, pass });
	return pass ? 'PASS' : 'FAIL';
}

/** Every target with its figure and verdict; `note` says what differs from the targets' sizes. */
export function printTargets(note: string | null): void {
	console.log('\nTargets');
	const width = Math.max(...Object.values(TARGETS).map((text) => text.length));
	for (const [target, text] of Object.entries(TARGETS) as [Target, string][]) {
		const result = measured.get(target);
		console.log(
			`  ${text.padEnd(width)}  ${result ? `${result.pass ? 'PASS' : 'FAIL'}  ${result.figure}` : 'not measured in this run'}`
		);
	}
	if (note) console.log(`  ${note}`);
}
