import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type SQLiteDriver from 'better-sqlite3';
import {
	CamelCasePlugin,
	Kysely,
	PostgresDialect,
	SqliteAdapter,
	SqliteDialect,
	sql,
	type SqliteDatabase
} from 'kysely';
import type PgDriver from 'pg';
import { logger } from '../../shared/log/logger.js';
import type { DB } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
	db: Kysely<DB>;
	dialect: DialectName;
	/** The DATABASE_URL it was opened with. */
	url: string;
	close(): Promise<void>;
}

/** `postgres://…` selects PostgreSQL; `sqlite://<path>` or `sqlite::memory:` the embedded file. */
export function dialectOf(url: string): DialectName {
	if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
	if (url.startsWith('sqlite:')) return 'sqlite';
	throw new Error(`DATABASE_URL must start with postgres:// or sqlite:// (got "${url}")`);
}

/** The file of a `sqlite://` URL (`:memory:` for an in-memory database). */
export function sqlitePath(url: string): string {
	return url.replace(/^sqlite:(\/\/)?/, '');
}

export function openDatabase(url: string): Database {
	return dialectOf(url) === 'postgres' ? openPostgres(url) : openSqlite(url);
}

// Each driver is loaded when its database is opened, not at start: an installation uses one, and
// pg's modules alone took 62-65 ms to load, on SQLite for nothing (docs/operations.md).
const loadDriver = createRequire(import.meta.url);

/** better-sqlite3, loaded on first use. */
export function sqliteDriver(): typeof SQLiteDriver {
	return loadDriver('better-sqlite3') as typeof SQLiteDriver;
}

/** pg, loaded on first use, with the app's type parsers. */
export function postgresDriver(): typeof PgDriver {
	const pg = loadDriver('pg') as typeof PgDriver;
	// COUNT(*) and bigint columns arrive as strings from pg; the app never needs values above 2^53.
	pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
	pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
	return pg;
}

function openSqlite(url: string): Database {
	const path = sqlitePath(url);
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const SQLite = sqliteDriver();
	const connection = new SQLite(path);
	connection.pragma('journal_mode = WAL');
	connection.pragma('foreign_keys = ON');
	connection.pragma('busy_timeout = 5000');
	connection.pragma('synchronous = NORMAL');
	// 4 MB of pages instead of better-sqlite3's 16 MB: the file's pages stay in the kernel's cache
	// anyway, and the portal's searches and pages answer from memory of their own (search index,
	// page cache), so the 12 MB more counted against the process only (docs/operations.md).
	connection.pragma('cache_size = -4000');
	// Deleted or changed content is overwritten with zeros, so erased personal data cannot be read
	// back from free pages of the file (GDPR erasure; see docs/operations.md).
	connection.pragma('secure_delete = ON');
	const db = new Kysely<DB>({
		dialect: new SqliteDialect({ database: withStatementCache(connection) }),
		plugins: [new CamelCasePlugin()]
	});
	return { db, dialect: 'sqlite', url, close: () => db.destroy() };
}

/** Statements compiled once and kept, by their SQL; longer SQL (bulk inserts) is compiled each time. */
const STATEMENT_CACHE = { size: 500, maxSqlLength: 2_000 };

/**
 * Kysely asks better-sqlite3 to compile every statement it runs, each time: 10–30 µs for a short
 * query, the largest part of the one query a cached page costs. The same SQL reuses its compiled
 * statement here. Each is run to completion (all or run); none is iterated, which would keep it
 * busy while another use of the same SQL ran.
 */
function withStatementCache(connection: SqliteDatabase): SqliteDatabase {
	const statements = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
	return {
		close: () => connection.close(),
		prepare(sql) {
			if (sql.length > STATEMENT_CACHE.maxSqlLength) return connection.prepare(sql);
			let statement = statements.get(sql);
			if (!statement) {
				if (statements.size >= STATEMENT_CACHE.size)
					statements.delete(statements.keys().next().value!);
				statements.set(sql, (statement = connection.prepare(sql)));
			}
			return statement;
		}
	};
}

/**
 * After erasing personal data: SQLite copies the WAL into the file and empties it, so the WAL
 * keeps no page versions from before the erasure. PostgreSQL needs VACUUM, run by operations
 * (docs/operations.md), not on each erasure.
 */
export async function purgeErasedPages(db: Kysely<DB>): Promise<void> {
	if (db.getExecutor().adapter instanceof SqliteAdapter)
		await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}

/** One round trip: throws when the database cannot be reached. */
export async function pingDatabase(db: Kysely<DB>): Promise<void> {
	await sql`select 1`.execute(db);
}

function openPostgres(url: string): Database {
	const pool = new (postgresDriver().Pool)({ connectionString: url, max: 10 });
	// An idle connection dropped by the server (restart, failover) must not crash the process;
	// the pool replaces it on the next query.
	pool.on('error', (error) => logger.warn({ err: error }, 'PostgreSQL connection lost'));
	const db = new Kysely<DB>({
		dialect: new PostgresDialect({ pool }),
		plugins: [new CamelCasePlugin()]
	});
	return { db, dialect: 'postgres', url, close: () => db.destroy() };
}
