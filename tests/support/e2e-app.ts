import { inject } from 'vitest';

export interface E2eApp {
	baseUrl: string;
	/** The app's SQLite file, for tests that add content the demo does not have. */
	databaseUrl: string;
	/** The port the app sends mail to; a test listens there with a real SMTP receiver. */
	smtpPort: number;
}

/**
 * The app of the worker slot this file runs in. Two files that run at the same time have
 * different slots (VITEST_POOL_ID), so each has an app to itself, as if it ran alone.
 */
export function e2eApp(): E2eApp {
	const apps = inject('e2eApps');
	const slot = Number(process.env.VITEST_POOL_ID ?? '1');
	return apps[(slot - 1) % apps.length]!;
}
