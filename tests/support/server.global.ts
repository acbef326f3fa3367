import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startBuiltApp, type AppProcess } from './app-process.js';
import { launchBrowserServer } from './browser.js';
import type { E2eApp } from './e2e-app.js';

declare module 'vitest' {
	export interface ProvidedContext {
		/** One app per e2e worker slot; a file reaches its own through `e2eApp()`. */
		e2eApps: E2eApp[];
		/** The one Chromium every e2e file connects to (`launchBrowser`); absent elsewhere. */
		browserEndpoint?: string;
	}
}

/**
 * Starts one built app (`vite build` first) per e2e worker, each on a fresh SQLite file with the
 * demo content, so that two files running side by side never share data, and one Chromium for all.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const count = Number(project.config.maxWorkers) || 1;
	const started: { app: AppProcess; dataDir: string }[] = [];
	const apps = await Promise.all(
		Array.from({ length: count }, async () => {
			const dataDir = mkdtempSync(join(tmpdir(), 'kitz-e2e-'));
			const smtpPort = await freePort();
			const app = await startBuiltApp({
				DATA_DIR: dataDir,
				DATABASE_URL: '',
				SMTP_URL: `smtp://127.0.0.1:${smtpPort}`
			});
			started.push({ app, dataDir });
			return {
				baseUrl: app.baseUrl,
				smtpPort,
				databaseUrl: `sqlite://${join(dataDir, 'kitz.sqlite')}`
			};
		})
	);
	project.provide('e2eApps', apps);
	const browser = await launchBrowserServer();
	project.provide('browserEndpoint', browser.wsEndpoint());
	return async () => {
		await browser.close();
		for (const { app, dataDir } of started) {
			await app.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
