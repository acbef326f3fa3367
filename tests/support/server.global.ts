import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startBuiltApp } from './app-process.js';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		/** The e2e app's SQLite file, for tests that add content the demo does not have. */
		databaseUrl: string;
		/** The port the app sends mail to; a test listens there with a real SMTP receiver. */
		smtpPort: number;
	}
}

/** Starts the built app (`vite build` first) on a fresh SQLite file with the demo content. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const dataDir = mkdtempSync(join(tmpdir(), 'kitz-e2e-'));
	const smtpPort = await freePort();
	const app = await startBuiltApp({
		DATA_DIR: dataDir,
		DATABASE_URL: '',
		SMTP_URL: `smtp://127.0.0.1:${smtpPort}`
	});
	const { baseUrl } = app;
	project.provide('baseUrl', baseUrl);
	project.provide('smtpPort', smtpPort);
	project.provide('databaseUrl', `sqlite://${join(dataDir, 'kitz.sqlite')}`);
	return async () => {
		await app.stop();
		rmSync(dataDir, { recursive: true, force: true });
	};
}
