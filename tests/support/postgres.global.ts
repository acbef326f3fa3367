import pg from 'pg';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { migrateToLatest } from '../../src/lib/server/db/migrate.js';
import { ADMIN_URL, TEMPLATE_DATABASE, urlFor } from './postgres.js';

/** Builds one migrated template database; each test file copies it (CREATE DATABASE … TEMPLATE). */
export default async function setup(): Promise<() => Promise<void>> {
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
	await dropLeftovers(admin);
	await admin.query(`create database ${TEMPLATE_DATABASE}`);
	const template = openDatabase(urlFor(TEMPLATE_DATABASE));
	await migrateToLatest(template.db);
	await template.close();
	return async () => {
		await dropLeftovers(admin);
		await admin.end();
	};
}

async function dropLeftovers(admin: pg.Client) {
	const { rows } = await admin.query<{ datname: string }>(
		`select datname from pg_database where datname like 'kitz_test_%'`
	);
	for (const { datname } of rows)
		await admin.query(`drop database if exists "${datname}" with (force)`);
}
