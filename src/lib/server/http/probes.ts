import type { App } from '../app.js';
import { pingDatabase } from '../db/database.js';
import { pendingMigrations } from '../db/migrate.js';
import { searchWarmth } from '../search/search.service.js';

export const PROBE_PATHS = ['/healthz', '/readyz'];

/** A database that has not answered by then counts as unreachable: a probe must be quick. */
export const CHECK_TIMEOUT_MS = 2000;

type CheckResult = 'ok' | 'starting' | 'unreachable' | 'pending' | 'warming' | 'timeout';

/** Plain JSON for load balancers: never cached, no cookie, no personal data. */
function probeJson(body: unknown, status: number): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
}

/** `/healthz`: the process is up and answering, even while it starts. */
export function liveness(): Response {
	return probeJson({ status: 'ok' }, 200);
}

/**
 * `/readyz`: 200 once the app has started, its database answers, every migration this code
 * knows has run and the search index is warm for the current offers; else 503 naming the checks
 * that fail. `app` is undefined while the app starts, and then no check is run.
 */
export async function readiness(app: App | undefined): Promise<Response> {
	const checks: Record<string, CheckResult> = app
		? await runChecks(app)
		: { startup: 'starting', database: 'starting', migrations: 'starting', search: 'starting' };
	const ready = Object.values(checks).every((result) => result === 'ok');
	return probeJson({ status: ready ? 'ok' : 'unavailable', checks }, ready ? 200 : 503);
}

async function runChecks({ database }: App): Promise<Record<string, CheckResult>> {
	const db = database.db;
	const [reachable, migrations, search] = await Promise.all([
		check(async () => {
			await pingDatabase(db);
			return true;
		}, 'unreachable'),
		check(async () => (await pendingMigrations(db)).length === 0, 'pending'),
		check(async () => (await searchWarmth(db)) === 'warm', 'warming')
	]);
	return { startup: 'ok', database: reachable, migrations, search };
}

/**
 * `ok` when `holds` answers true, else `otherwise`; `unreachable` when it throws (the checks
 * all ask the database), `timeout` when it takes longer than `timeoutMs`.
 */
export async function check(
	holds: () => Promise<boolean>,
	otherwise: CheckResult,
	timeoutMs = CHECK_TIMEOUT_MS
): Promise<CheckResult> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<CheckResult>((resolve) => {
		timer = setTimeout(() => resolve('timeout'), timeoutMs);
	});
	const answer = holds().then(
		(result): CheckResult => (result ? 'ok' : otherwise),
		(): CheckResult => 'unreachable'
	);
	try {
		return await Promise.race([answer, late]);
	} finally {
		clearTimeout(timer);
	}
}
