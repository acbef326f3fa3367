import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from 'vitest';
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
	return copyOfPostgres(inject('postgresTemplate'));
}

/** A new PostgreSQL database copied from `template`; closing it drops it. */
async function copyOfPostgres(template: string): Promise<Database> {
	const name = `${inject('postgresTemplate').replace(/template$/, '')}${randomBytes(6).toString('hex')}`;
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

/** A migrated database filled once by `setup`, which each test then copies. */
interface SeededTemplate {
	copy(): Promise<Database>;
	drop(): Promise<void>;
}

/**
 * Runs `setup` once, then keeps the result as a template: SQLite as a file that each test copies,
 * PostgreSQL as a database each test copies with `CREATE DATABASE … TEMPLATE …`.
 */
async function seededTemplate(
	dialect: DialectName,
	setup?: (database: Database) => Promise<void>
): Promise<SeededTemplate> {
	const seeded = await freshDatabase(dialect);
	await setup?.(seeded);
	if (dialect === 'sqlite') {
		const folder = await mkdtemp(join(tmpdir(), 'kitz-test-'));
		const template = join(folder, 'template.sqlite');
		await sql`vacuum into ${sql.lit(template)}`.execute(seeded.db);
		await seeded.close();
		let copies = 0;
		return {
			copy: async () => {
				const file = join(folder, `copy-${++copies}.sqlite`);
				await copyFile(template, file);
				return openDatabase(`sqlite://${file}`);
			},
			drop: () => rm(folder, { recursive: true, force: true })
		};
	}
	// The seeded copy becomes the template: no connection may stay open to it.
	const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(
		seeded.db
	);
	const template = rows[0]!.name;
	await seeded.db.destroy();
	return {
		copy: () => copyOfPostgres(template),
		drop: async () => {
			await withAdmin((admin) => admin.query(`drop database if exists ${template} with (force)`));
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
 * Runs a suite once per dialect (Kysely's own test habit). `setup` fills the database before the
 * tests of that dialect run. With `isolation: 'test'` every test gets its own copy of the filled
 * database, so what one test writes no other test sees; with `'file'` (the default) the tests of
 * a dialect share one database and may build on each other — say so where a suite does.
 * Rule: a test that edits seeded records, changes settings, drains the outbox or counts over a whole
 * table takes `'test'`; tests that only add their own uniquely keyed records and assert on those
 * may share.
 */
export function describeEachDialect(
	name: string,
	suite: (context: { database: () => Database; dialect: DialectName }) => void,
	setup?: (database: Database) => Promise<void>,
	options: { isolation?: 'file' | 'test' } = {}
): void {
	for (const dialect of DIALECTS) {
		describe(`${name} [${dialect}]`, () => {
			let database: Database | undefined;
			if (options.isolation === 'test') {
				let template: SeededTemplate | undefined;
				// Copies are dropped while the next test runs; all are gone before the template.
				const closing: Promise<unknown>[] = [];
				beforeAll(async () => {
					template = await seededTemplate(dialect, setup);
				});
				beforeEach(async () => {
					database = await template!.copy();
				});
				afterEach(() => {
					if (database) closing.push(database.close().catch((error: unknown) => error));
					database = undefined;
				});
				afterAll(async () => {
					const failures = (await Promise.all(closing)).filter(Boolean);
					await template?.drop();
					if (failures.length) throw failures[0];
				});
			} else {
				beforeAll(async () => {
					database = await freshDatabase(dialect);
					await setup?.(database);
				});
				afterAll(async () => {
					await database?.close();
				});
			}
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
