import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		/** The e2e app's SQLite file, for tests that add content the demo does not have. */
		databaseUrl: string;
		/** The port the app sends mail to; a test listens there with a real SMTP receiver. */
		smtpPort: number;
	}
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}

/** Starts the built app (`vite build` first) on a fresh SQLite file with the demo content. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	if (!existsSync('build/index.js'))
		throw new Error('build/index.js is missing: run `vite build` before the e2e suite');
	const dataDir = mkdtempSync(join(tmpdir(), 'kitz-e2e-'));
	const port = await freePort();
	const smtpPort = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const server: ChildProcess = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			DATABASE_URL: '',
			ORIGIN: baseUrl,
			SMTP_URL: `smtp://127.0.0.1:${smtpPort}`
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	server.stdout?.on('data', (chunk) => (output += chunk));
	server.stderr?.on('data', (chunk) => (output += chunk));
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`The app exited during start-up:\n${output}`);
		try {
			const response = await fetch(`${baseUrl}/de`);
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	if (Date.now() >= deadline) throw new Error(`The app did not answer within 90 s:\n${output}`);
	project.provide('baseUrl', baseUrl);
	project.provide('smtpPort', smtpPort);
	project.provide('databaseUrl', `sqlite://${join(dataDir, 'kitz.sqlite')}`);
	return async () => {
		server.kill('SIGTERM');
		rmSync(dataDir, { recursive: true, force: true });
	};
}
