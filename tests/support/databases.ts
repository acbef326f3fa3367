import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type Database, type DialectName } from '../../src/lib/server/db/database.js';
import { migrateToLatest } from '../../src/lib/server/db/migrate.js';
import { ADMIN_URL, urlFor } from './postgres.js';

export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];

/** A fresh, migrated, empty database: SQLite in memory, or a copy of the PostgreSQL template. */
export async function freshDatabase(dialect: DialectName): Promise<Database> {
	if (dialect === 'sqlite') {
		const database = openDatabase('sqlite::memory:');
		await migrateToLatest(database.db);
		return database;
	}
	const template = inject('postgresTemplate');
	const name = `${template.replace(/template$/, '')}${randomBytes(6).toString('hex')}`;
	await withAdmin((admin) => admin.query(`create database ${name} template ${template}`));
	const database = openDatabase(urlFor(name));
	return {
		...database,
		close: async () => {
			await database.close();
			await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
		}
	};
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
	const admin = new pg.Client({ connectionString: ADMIN_URL });
	await admin.connect();
	try {
		return await work(admin);
	} finally {
		await admin.end();
	}
}

/**
 * Runs a suite once per dialect on its own fresh database (Kysely's own test habit).
 * `setup` fills it before the tests of that dialect run.
 */
export function describeEachDialect(
	name: string,
	suite: (context: { database: () => Database; dialect: DialectName }) => void,
	setup?: (database: Database) => Promise<void>
): void {
	for (const dialect of DIALECTS) {
		describe(`${name} [${dialect}]`, () => {
			let database: Database | undefined;
			beforeAll(async () => {
				database = await freshDatabase(dialect);
				await setup?.(database);
			});
			afterAll(async () => {
				await database?.close();
			});
			suite({
				dialect,
				database: () => {
					if (!database) throw new Error('database not ready');
					return database;
				}
			});
		});
	}
}
