import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { migrateToLatest } from '../../src/lib/server/db/migrate.js';
import { ADMIN_URL, DATABASE_PREFIX, runPrefix, templateFor, urlFor } from './postgres.js';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The migrated PostgreSQL database each test file copies. */
		postgresTemplate: string;
	}
}

/** Builds one migrated template database; each test file copies it (CREATE DATABASE … TEMPLATE). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
	try {
		await admin.connect();
	} catch (error) {
		throw new Error(
			`PostgreSQL is not reachable at ${ADMIN_URL} (${(error as Error).message}). ` +
				'Run `bash scripts/test-env.sh` or set TEST_DATABASE_URL; the PostgreSQL suites are never skipped.',
			{ cause: error }
		);
	}
	await dropDatabases(admin, (name) => !ownerAlive(name));
	const template = templateFor(process.pid);
	await admin.query(`create database ${template}`);
	const database = openDatabase(urlFor(template));
	await migrateToLatest(database.db);
	await database.close();
	project.provide('postgresTemplate', template);
	return async () => {
		await dropDatabases(admin, (name) => name.startsWith(runPrefix(process.pid)));
		await admin.end();
	};
}

/** Whether the test run that made this database is still running (on this machine). */
function ownerAlive(name: string): boolean {
	const pid = Number(/^kitz_test_(\d+)_/.exec(name)?.[1]);
	if (!pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function dropDatabases(admin: pg.Client, drop: (name: string) => boolean) {
	const { rows } = await admin.query<{ datname: string }>(
		`select datname from pg_database where datname like '${DATABASE_PREFIX}%'`
	);
	for (const { datname } of rows.filter((row) => drop(row.datname)))
		await admin.query(`drop database if exists "${datname}" with (force)`);
}
