import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		// Even on two cores: the e2e and integration files wait on other processes much of the time.
		maxWorkers: 2,
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					// bench/: the relevance bench's scoring and judging (bench/relevance/).
					include: ['src/**/*.spec.ts', 'bench/**/*.spec.ts'],
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
