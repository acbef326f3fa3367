// The built app as the bench runs it: started on a database, ready once a real search page
// answers (the first one builds the in-memory index), loaded from a separate process.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { startBuiltApp, type AppProcess } from '../tests/support/app-process.js';

/** The page whose first answer means the app can serve visitors. */
export const READY_PATH = '/de/search?q=deutschkurs';
const PROGRESS_SECONDS = 30;

export interface ReadyApp extends AppProcess {
	/** From spawning the process to the first answered search page. */
	searchReadyInMs: number;
}

/**
 * Start-up and the first search grow with the offers (dates, base revisions, the index): two
 * minutes plus a second per hundred offers, with a line every half minute while it waits.
 */
export const startupLimitSeconds = (offers: number) => 120 + Math.ceil(offers / 100);

export async function startReady(
	databaseUrl: string,
	offers: number,
	dataDir: string
): Promise<ReadyApp> {
	const limit = startupLimitSeconds(offers);
	const spawned = performance.now();
	const progress = setInterval(
		() =>
			console.log(
				`  … waiting for the app, ${Math.round((performance.now() - spawned) / 1000)} s of at most ${limit} s`
			),
		PROGRESS_SECONDS * 1000
	);
	try {
		const app = await startBuiltApp(
			{ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, DEMO_CONTENT: 'false' },
			{ startupSeconds: limit }
		);
		try {
			await firstAnswer(`${app.baseUrl}${READY_PATH}`, spawned + limit * 1000);
		} catch (error) {
			await app.stop();
			throw error;
		}
		return { ...app, searchReadyInMs: performance.now() - spawned };
	} finally {
		clearInterval(progress);
	}
}

/** Asks for `url` until it answers 200 or the deadline passes. */
async function firstAnswer(url: string, deadline: number) {
	let last = '';
	while (performance.now() < deadline) {
		try {
			const response = await fetch(url);
			await response.arrayBuffer();
			if (response.ok) return;
			last = `status ${response.status}`;
		} catch (error) {
			last = String(error);
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	throw new Error(`${url} did not answer in time (last: ${last})`);
}

/** Resident memory of a process in MB (Linux). */
export function rssMegabytes(pid: number): number {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
	if (!line) throw new Error(`no VmRSS for process ${pid}`);
	return Number(line[1]) / 1024;
}

/** CPU time a process has used so far in ms, user and system (Linux; USER_HZ is 100 there). */
export function cpuMilliseconds(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	// utime and stime: fields 14 and 15 of the line, counted from the state after the name.
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface LoadResult {
	completed: number;
	failed: number;
	rps: number;
	p50: number;
	p95: number;
	p99: number;
}

/**
 * `seconds` of requests to `url` from `connections` concurrent clients in another process; waited
 * for without blocking, so this process's kept-alive connections notice the server closing them.
 */
export async function load(url: string, seconds: number, connections: number): Promise<LoadResult> {
	const { stdout } = await promisify(execFile)(process.execPath, [
		'--import',
		'tsx',
		'bench/load.ts',
		url,
		String(seconds),
		String(connections)
	]);
	return JSON.parse(stdout) as LoadResult;
}
