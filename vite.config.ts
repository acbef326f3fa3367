import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

/** Unit specs that replace modules (vi.mock); they keep a module graph of their own. */
const MOCKING_SPECS = ['src/lib/server/search/search-help.service.spec.ts'];

export default defineConfig({
	plugins: [sveltekit()],
	// The strict CSP admits no data: URLs for scripts and styles: every asset stays a hashed file.
	build: { assetsInlineLimit: 0 },
	// Bundled into the server's chunks instead of imported from node_modules at start: kysely alone
	// is 263 modules, zod 95, nodemailer 39, and a new process resolves, reads and compiles each
	// one before it answers (restart 1.5 -> 1.1 s at 100,000 offers). Pure ESM (or plain CJS)
	// packages only, which nothing left external imports, so each keeps one copy; SvelteKit's own
	// packages and native modules stay external.
	ssr: {
		noExternal: [
			'@orama/stemmers',
			'csv-parse',
			'diff',
			'ical-generator',
			'kysely',
			'marked',
			'nodemailer',
			'porter2',
			'temporal-polyfill',
			'temporal-utils',
			'zod'
		]
	},
	test: {
		// Even on two cores: the e2e and integration files wait on other processes much of the time.
		maxWorkers: 2,
		// What the code keeps in DATA_DIR (the secret key that seals TOTP secrets) goes here, not into
		// the project's ./data, which a developer's `npm start` uses. Apps the tests start get their own.
		env: { DATA_DIR: join(tmpdir(), 'kitz-test-data') },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					// bench/: the relevance bench's scoring and judging (bench/relevance/).
					include: ['src/**/*.spec.ts', 'bench/**/*.spec.ts'],
					exclude: MOCKING_SPECS,
					environment: 'node',
					// Pure functions over their arguments: the files share one module graph per worker
					// instead of importing the app's modules anew for each of ~100 files (33 s -> 10 s).
					isolate: false
				}
			},
			{
				extends: true,
				test: {
					name: 'unit-isolated',
					// vi.mock replaces modules for one file only while that file has modules of its own.
					include: MOCKING_SPECS,
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					testTimeout: 90_000,
					hookTimeout: 180_000,
					globalSetup: ['tests/support/postgres.global.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.e2e.ts'],
					environment: 'node',
					testTimeout: 180_000,
					hookTimeout: 240_000,
					// Two files at a time, each against an app of its own (tests/support/e2e-app.ts):
					// a browser test mostly waits for the app and Chromium, so two use the cores.
					maxWorkers: 2,
					globalSetup: ['tests/support/server.global.ts']
				}
			}
		]
	}
});
