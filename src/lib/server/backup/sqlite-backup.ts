import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type SQLite from 'better-sqlite3';
import { sqliteDriver, sqlitePath } from '../db/database.js';
import { BackupError } from './backup-error.js';
import type { DialectBackup } from './dialect-backup.js';

function migrationsOf(connection: SQLite.Database): string[] {
	return connection
		.prepare<[], { name: string }>('select name from kysely_migration order by name')
		.all()
		.map((row) => row.name);
}

/**
 * SQLite through its online backup API: a consistent copy while the app reads and writes (WAL).
 * A restore swaps the whole file, so it needs every process off the database.
 */
export const sqliteBackup: DialectBackup = {
	async dump(url, target) {
		const source = new (sqliteDriver())(sqlitePath(url), { fileMustExist: true });
		try {
			await source.backup(target);
			return migrationsOf(source);
		} finally {
			source.close();
		}
	},

	async verify(file) {
		const copy = new (sqliteDriver())(file, { fileMustExist: true });
		try {
			const check = copy.pragma('quick_check', { simple: true });
			if (check !== 'ok') throw new BackupError(`The database in the backup is damaged: ${check}`);
			migrationsOf(copy);
		} catch (error) {
			if (error instanceof BackupError) throw error;
			throw new BackupError(
				`The database in the backup cannot be read: ${(error as Error).message}`
			);
		} finally {
			copy.close();
		}
	},

	async assertRestorable(url) {
		const path = sqlitePath(url);
		if (!existsSync(path)) return;
		const live = new (sqliteDriver())(path);
		try {
			// An exclusive lock is refused while any other connection, in any process, has the file open.
			live.pragma('busy_timeout = 0');
			live.pragma('locking_mode = EXCLUSIVE');
			live.exec('begin exclusive; rollback');
		} catch (error) {
			if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
			throw new BackupError(
				`${path} is in use: stop every KITZ process (the app, scripts) before restoring.`
			);
		} finally {
			live.close();
		}
	},

	async replace(url, file) {
		const path = sqlitePath(url);
		// A write-ahead log left beside the old file would be replayed into the restored one.
		await rm(`${path}-wal`, { force: true });
		await rm(`${path}-shm`, { force: true });
		await mkdir(dirname(path), { recursive: true });
		await rename(file, path);
	}
};
