// A PostgreSQL database of the bench's own on the server TEST_DATABASE_URL names: created for one
// run under a name no other run uses, and dropped by that run alone.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/lib/server/db/database.js';

const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Waits (up to five seconds) until the closed pools' connections have left `name`: closing a pool
 * does not wait for them, and dropping with force under them makes each one report a lost
 * connection in the middle of the figures.
 */
async function sessionsGone(admin: pg.Client, name: string) {
	for (let attempt = 0; attempt < 50; attempt++) {
		const { rows } = await admin.query<{ n: string }>(
			'select count(*) as n from pg_stat_activity where datname = $1',
			[name]
		);
		if (Number(rows[0]!.n) === 0) return;
		await new Promise((done) => setTimeout(done, 100));
	}
}

/**
 * Runs `work` with the URL of a new database named `<prefix>_<pid>_<random>`; `work` closes
 * every connection it opened before it returns.
 */
export async function withPostgres<T>(
	prefix: string,
	work: (url: string) => Promise<T>
): Promise<T> {
	const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
	const admin = new pg.Client({ connectionString: PG_ADMIN });
	await admin.connect();
	try {
		await admin.query(`create database ${name}`);
		const url = new URL(PG_ADMIN);
		url.pathname = `/${name}`;
		try {
			return await work(url.toString());
		} finally {
			await sessionsGone(admin, name);
			await admin.query(`drop database if exists ${name} with (force)`);
		}
	} finally {
		await admin.end();
	}
}

/**
 * Gathers PostgreSQL's planner statistics after a bulk load, as a production server's autovacuum
 * soon would: the test server runs without it, and plans made without statistics are not the
 * plans production runs. SQLite is left as the app leaves it.
 */
export async function analyseAfterLoad(database: Database): Promise<void> {
	if (database.dialect === 'postgres') await sql`analyze`.execute(database.db);
}
