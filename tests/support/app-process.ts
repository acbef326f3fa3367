import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
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

/**
 * What `npm start` and the systemd unit in docs/operations.md set besides the app's own
 * configuration: two malloc arenas, instead of glibc's one per thread that allocates (up to eight
 * per core), so the memory V8's helper threads free goes back to one pool (10-16 MB less RSS at
 * 100,000 offers). The bench measures the app as it runs in production.
 */
const PRODUCTION_ENV = { MALLOC_ARENA_MAX: '2' };

export interface AppProcess {
	baseUrl: string;
	/** The app's process id, to read its memory from /proc. */
	pid: number;
	/** From spawning the process to its first answer: start-up work included. */
	startedInMs: number;
	/** Everything the app wrote to stdout and stderr so far. */
	output(): string;
	/**
	 * Sends SIGTERM (again when called again; SIGKILL where asked, for an app whose busy jobs keep
	 * it alive); resolves with the exit code once the process has exited and let go of its database.
	 */
	stop(signal?: NodeJS.Signals): Promise<number | null>;
	/** Kills the app with SIGKILL, as a crash or the OOM killer would; resolves once it is gone. */
	kill(): Promise<void>;
}

/**
 * Starts the built app (`vite build` first) with `env` on a free port; resolves once `firstPath`
 * answers (a page waits for the start-up work; `/healthz` answers as soon as the server listens).
 * `startupSeconds` is for large databases, whose start-up work (base revisions, dates) takes long.
 */
export async function startBuiltApp(
	env: Record<string, string>,
	{ startupSeconds = 90, firstPath = '/de' }: { startupSeconds?: number; firstPath?: string } = {}
): Promise<AppProcess> {
	if (!existsSync('build/index.js'))
		throw new Error('build/index.js is missing: run `vite build` before the e2e suite');
	// Else the app would keep its key and search snapshot in the project's ./data, a developer's.
	if (!env.DATA_DIR) throw new Error('startBuiltApp needs a DATA_DIR of its own');
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const spawned = performance.now();
	const server: ChildProcess = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			...PRODUCTION_ENV,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: baseUrl,
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	server.stdout?.on('data', (chunk) => (output += chunk));
	server.stderr?.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
	const end = (signal: NodeJS.Signals) => {
		if (server.exitCode === null && server.signalCode === null) server.kill(signal);
		return exited;
	};
	const deadline = Date.now() + startupSeconds * 1000;
	let startedInMs = 0;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`The app exited during start-up:\n${output}`);
		try {
			const response = await fetch(`${baseUrl}${firstPath}`);
			if (response.ok) {
				startedInMs = performance.now() - spawned;
				break;
			}
		} catch {
			// not listening yet
		}
		// Often enough that the bench's restart figure is not rounded up to the polling interval.
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	if (Date.now() >= deadline) {
		server.kill('SIGTERM');
		throw new Error(`The app did not answer within ${startupSeconds} s:\n${output}`);
	}
	return {
		baseUrl,
		pid: server.pid!,
		startedInMs,
		output: () => output,
		stop: (signal = 'SIGTERM') => end(signal),
		kill: async () => {
			await end('SIGKILL');
		}
	};
}
