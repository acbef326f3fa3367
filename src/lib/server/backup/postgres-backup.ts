import { spawn } from 'node:child_process';
import type pg from 'pg';
import { postgresDriver } from '../db/database.js';
import { BackupError } from './backup-error.js';
import type { DialectBackup } from './dialect-backup.js';

/** A just-stopped app's sessions take a moment to leave the server. */
const SESSIONS_GRACE_MS = 2000;

/** pg_dump and pg_restore get the URL without its password, which would show in `ps`. */
function clientArguments(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
	const parsed = new URL(url);
	const password = decodeURIComponent(parsed.password);
	parsed.password = '';
	return {
		dbname: `--dbname=${parsed.toString()}`,
		env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) }
	};
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', (error: NodeJS.ErrnoException) =>
			reject(
				error.code === 'ENOENT'
					? new BackupError(
							`${command} was not found: install the PostgreSQL client tools of the server's major version (Debian: postgresql-client).`
						)
					: error
			)
		);
		child.on('close', (code) =>
			code === 0
				? resolve(stdout)
				: reject(new BackupError(`${command} failed (exit code ${code}): ${stderr.trim()}`))
		);
	});
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new (postgresDriver().Client)({ connectionString: url });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

async function migrationsOf(client: pg.Client): Promise<string[]> {
	const { rows } = await client.query<{ name: string }>(
		`select name from kysely_migration order by name`
	);
	return rows.map((row) => row.name);
}

async function otherSessions(client: pg.Client): Promise<string[]> {
	const { rows } = await client.query<{ who: string }>(
		`select coalesce(nullif(application_name, ''), 'a client') || ' from ' ||
			coalesce(host(client_addr), 'a local socket') as who
		 from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`
	);
	return rows.map((row) => row.who);
}

/**
 * PostgreSQL through pg_dump's custom format, restored with pg_restore in one transaction:
 * a failed restore leaves the database as it was.
 */
export const postgresBackup: DialectBackup = {
	async dump(url, target) {
		const { dbname, env } = clientArguments(url);
		// The snapshot pg_dump takes is consistent by itself; the migrations are read beside it.
		await run('pg_dump', ['--format=custom', `--file=${target}`, dbname], env);
		return withClient(url, migrationsOf);
	},

	async verify(file) {
		await run('pg_restore', ['--list', file], process.env).catch((error: unknown) => {
			throw new BackupError(
				`The database dump in the backup cannot be read: ${(error as Error).message}`
			);
		});
	},

	async assertRestorable(url, migrations) {
		await withClient(url, async (client) => {
			const deadline = Date.now() + SESSIONS_GRACE_MS;
			let sessions = await otherSessions(client);
			while (sessions.length && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 200));
				sessions = await otherSessions(client);
			}
			if (sessions.length)
				throw new BackupError(
					`The database is in use (${sessions.join(', ')}): stop every KITZ process before restoring.`
				);
			const { rows } = await client.query<{ present: boolean }>(
				`select to_regclass('kysely_migration') is not null as present`
			);
			const newer = rows[0]?.present
				? (await migrationsOf(client)).filter((name) => !migrations.includes(name))
				: [];
			if (newer.length)
				throw new BackupError(
					`The database has migrations the backup predates (${newer.join(', ')}): restore into an empty database, or with the KITZ version that made the backup.`
				);
		});
	},

	async replace(url, file) {
		const { dbname, env } = clientArguments(url);
		await run(
			'pg_restore',
			[
				'--clean',
				'--if-exists',
				'--no-owner',
				'--no-privileges',
				'--single-transaction',
				'--exit-on-error',
				dbname,
				file
			],
			env
		);
		// pg_restore brings no planner statistics; without them the first queries may plan badly.
		await withClient(url, (client) => client.query('analyze'));
	}
};
