import { join } from 'node:path';
import { readConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { NO_JOBS, startJobs, type Jobs } from './jobs/scheduler.js';
import { backfillPublishedBases } from './offers/base-revision.js';
import { reindexAllOffersIfAnalysisChanged } from './offers/offers.service.js';
import { loadReferencePlaces } from './places/reference.js';
import { configureOfferIndex } from './search/offer-index.js';
import { stopSearchWork } from './search/search-work.js';
import { loadDefaultThesaurus } from './search/thesaurus/thesaurus.service.js';
import { logger } from '../shared/log/logger.js';

export interface App {
	config: Config;
	database: Database;
	jobs: Jobs;
}

/**
 * Opens and prepares the database: migrations, reference places, the default search thesaurus
 * (once), demo content. The jobs roll the dates forward in the background, beginning at once.
 */
export async function bootstrap(config: Config, options: { jobs?: boolean } = {}): Promise<App> {
	const database = openDatabase(config.databaseUrl);
	// A restart reads the search index of unchanged offers from here instead of building it.
	configureOfferIndex(database.db, { snapshotFile: join(config.dataDir, 'search-index.bin') });
	await migrateToLatest(database.db);
	for (const row of await loadReferencePlaces(database.db, config.contentDir))
		logger.warn(
			{ ags: row.ags, line: row.line, reason: row.reason },
			`Reference place ${row.name} left out`
		);
	await loadDefaultThesaurus(database.db, config.contentDir);
	// Before the demo: on a fresh database there is nothing to rebuild, and the demo is analysed anew.
	await reindexAllOffersIfAnalysisChanged(database.db);
	if (config.demoContent) {
		// Imported only here: the demo reaches into every context, which an installation without
		// it would otherwise load (and compile) before its first answer.
		const { seedDemo } = await import('./demo/demo.js');
		await seedDemo(database.db, { contentDir: config.contentDir, password: config.demoPassword });
	}
	await backfillPublishedBases(database.db);
	const jobs = options.jobs ? startJobs(database.db, config) : NO_JOBS;
	return { config, database, jobs };
}

let running: Promise<App> | undefined;
let started: App | undefined;

/** The process-wide app, started once on first use. */
export function getApp(): Promise<App> {
	running ??= bootstrap(readConfig(), { jobs: true }).then((app) => (started = app));
	return running;
}

/**
 * On SIGTERM or SIGINT adapter-node stops accepting connections, lets the requests under way
 * finish (at most SHUTDOWN_TIMEOUT seconds) and then emits `sveltekit:shutdown`: the search's
 * work beside the requests and the jobs stop, and the database closes, so nothing keeps the
 * process alive. A second signal exits at once.
 */
export function closeAppOnShutdown(): void {
	let signals = 0;
	const onSignal = (signal: NodeJS.Signals) => {
		if (++signals === 1)
			return logger.info(`${signal}: finishing the requests under way, then exiting`);
		logger.warn(`${signal} again: exiting without waiting for requests and jobs`);
		process.exit(1);
	};
	process.on('SIGTERM', onSignal);
	process.on('SIGINT', onSignal);
	process.once('sveltekit:shutdown', async () => {
		const app = await running;
		if (app) stopSearchWork(app.database.db);
		await app?.jobs.stop();
		await app?.database.close();
	});
}

/** The app once its start-up has finished; undefined before (the readiness probe must not wait). */
export function startedApp(): App | undefined {
	return started;
}
