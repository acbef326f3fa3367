// The yardstick for the page throughput targets: a page's own bytes served as a static file.
// The bytes are the ones the app sent (plain, gzip and brotli), written into the build's static
// folder, where adapter-node's static handler (sirv) serves the precompressed variant a client
// accepts, as it does for the app's own scripts and styles. Sirv reads that folder at start, so a
// second process of the same build serves them, on an empty database (it renders nothing) and idle
// while the copies are loaded. Page and copy then differ only in how the bytes are made.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltApp, type AppProcess } from '../tests/support/app-process.js';

const FOLDER = 'kitz-bench-copies';
const ENCODINGS = { '': 'identity', '.gz': 'gzip', '.br': 'br' } as const;

export interface StaticCopies {
	/** The process serving the copies. */
	pid: number;
	/** The address of the copy of the page named `name`. */
	urlOf(name: string): string;
	stop(): Promise<void>;
}

/** Copies of the pages at `paths` (by name) on `baseUrl`, served by a second app process. */
export async function serveStaticCopies(
	baseUrl: string,
	paths: Record<string, string>
): Promise<StaticCopies> {
	const folder = join('build', 'client', FOLDER);
	const databaseFolder = mkdtempSync(join(tmpdir(), 'kitz-bench-copies-'));
	const removeAll = () => {
		rmSync(folder, { recursive: true, force: true });
		rmSync(databaseFolder, { recursive: true, force: true });
	};
	mkdirSync(folder, { recursive: true });
	let app: AppProcess;
	try {
		for (const [name, path] of Object.entries(paths))
			for (const [suffix, encoding] of Object.entries(ENCODINGS))
				writeFileSync(
					join(folder, `${name}.html${suffix}`),
					await sentBytes(baseUrl + path, encoding)
				);
		// Its data folder too: the project's ./data is a developer's app's (its key, its snapshot).
		app = await startBuiltApp({
			DATABASE_URL: `sqlite://${join(databaseFolder, 'static-copies.sqlite')}`,
			DATA_DIR: databaseFolder,
			DEMO_CONTENT: 'false',
			LOG_LEVEL: 'warn'
		});
	} catch (error) {
		removeAll();
		throw error;
	}
	return {
		pid: app.pid,
		urlOf: (name) => `${app.baseUrl}/${FOLDER}/${name}.html`,
		stop: async () => {
			await app.stop();
			removeAll();
		}
	};
}

/** The body as sent for `encoding`, not decoded (fetch would decode it). */
function sentBytes(url: string, encoding: string): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		request(url, { headers: { 'accept-encoding': encoding } }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => {
				const sent = response.headers['content-encoding'] ?? 'identity';
				if (response.statusCode !== 200 || sent !== encoding)
					reject(new Error(`${url}: ${response.statusCode}, ${sent} instead of ${encoding}`));
				else resolve(Buffer.concat(chunks));
			});
		})
			.on('error', reject)
			.end();
	});
}
