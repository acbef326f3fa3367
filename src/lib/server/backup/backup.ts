import { existsSync } from 'node:fs';
import {
	copyFile,
	link,
	mkdir,
	mkdtemp,
	readFile,
	rename,
	rm,
	stat,
	writeFile
} from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Config } from '../config.js';
import { dialectOf, sqlitePath, type DialectName } from '../db/database.js';
import {
	DATABASE_FILE,
	SECRET_KEY_FILE,
	readArchive,
	writeArchive,
	type Manifest
} from './backup-archive.js';
import { BackupError } from './backup-error.js';
import { backupName } from './backup-files.js';
import type { DialectBackup } from './dialect-backup.js';
import { postgresBackup } from './postgres-backup.js';
import { sqliteBackup } from './sqlite-backup.js';

const BY_DIALECT: Record<DialectName, DialectBackup> = {
	sqlite: sqliteBackup,
	postgres: postgresBackup
};

export interface BackupResult {
	file: string;
	bytes: number;
	dialect: DialectName;
	/** Whether DATA_DIR/secret.key went into the backup (not when KITZ_SECRET_KEY is used). */
	withSecretKey: boolean;
}

/**
 * Writes a backup of the database (and the key file) to `dir`. It is assembled under a hidden
 * temporary name and renamed when complete, so a file with a backup's name is always whole.
 */
export async function createBackup(
	config: Config,
	dir = config.backupDir,
	createdAt = new Date()
): Promise<BackupResult> {
	const dialect = dialectOf(config.databaseUrl);
	if (dialect === 'sqlite' && sqlitePath(config.databaseUrl) === ':memory:')
		throw new BackupError('An in-memory database cannot be backed up.');
	await mkdir(dir, { recursive: true, mode: 0o700 });
	const name = backupName(createdAt);
	const work = await mkdtemp(join(dir, `.${name}.work-`));
	const partial = join(dir, `.${name}.partial`);
	try {
		const database = DATABASE_FILE[dialect];
		const migrations = await BY_DIALECT[dialect].dump(config.databaseUrl, join(work, database));
		const keyFile = join(config.dataDir, SECRET_KEY_FILE);
		const withSecretKey = existsSync(keyFile);
		if (withSecretKey) await copyFile(keyFile, join(work, SECRET_KEY_FILE));
		await writeArchive(partial, work, withSecretKey ? [database, SECRET_KEY_FILE] : [database], {
			format: 'kitz-backup',
			version: 1,
			createdAt: createdAt.toISOString(),
			dialect,
			migrations
		});
		const file = join(dir, name);
		// link, unlike rename, never replaces a backup made in the same second.
		await link(partial, file).catch((error: NodeJS.ErrnoException) => {
			throw error.code === 'EEXIST' ? new BackupError(`${file} exists already`) : error;
		});
		return { file, bytes: (await stat(file)).size, dialect, withSecretKey };
	} finally {
		await rm(partial, { force: true });
		await rm(work, { recursive: true, force: true });
	}
}

export interface RestorePlan {
	manifest: Manifest;
	/** Whether the database and key were replaced, or only everything checked. */
	applied: boolean;
	/** Whether the backup holds DATA_DIR/secret.key (restored with the database). */
	withSecretKey: boolean;
	/** Where an earlier, different key file was moved to keep it. */
	previousSecretKey?: string;
}

/**
 * Restores `file` into the configured database and DATA_DIR. Everything is checked first (a
 * whole backup of this dialect, a readable database in it, nobody using the target); with
 * `apply: false` it stops there and changes nothing. The app must be stopped.
 */
export async function restoreBackup(
	config: Config,
	file: string,
	{ apply }: { apply: boolean }
): Promise<RestorePlan> {
	const dialect = dialectOf(config.databaseUrl);
	const near = dialect === 'sqlite' ? dirname(sqlitePath(config.databaseUrl)) : config.dataDir;
	await mkdir(near, { recursive: true });
	// Beside the SQLite file, so the restored copy is renamed into place, never copied.
	const work = await mkdtemp(join(near, '.kitz-restore-'));
	try {
		const manifest = await readArchive(file, work);
		if (manifest.dialect !== dialect)
			throw new BackupError(
				`${file} is a ${manifest.dialect} backup, but DATABASE_URL is a ${dialect} database.`
			);
		const backup = BY_DIALECT[dialect];
		const database = join(work, DATABASE_FILE[dialect]);
		await backup.verify(database);
		await backup.assertRestorable(config.databaseUrl, manifest.migrations);
		const withSecretKey = SECRET_KEY_FILE in manifest.files;
		if (!apply) return { manifest, applied: false, withSecretKey };
		await backup.replace(config.databaseUrl, database);
		const previousSecretKey = withSecretKey
			? await restoreSecretKey(join(work, SECRET_KEY_FILE), config.dataDir)
			: undefined;
		return { manifest, applied: true, withSecretKey, previousSecretKey };
	} finally {
		await rm(work, { recursive: true, force: true });
	}
}

/** Puts the backup's key in place; a different current key is kept beside it, never deleted. */
async function restoreSecretKey(restored: string, dataDir: string): Promise<string | undefined> {
	const target = join(dataDir, SECRET_KEY_FILE);
	const key = await readFile(restored);
	const current = await readFile(target).catch(() => undefined);
	if (current?.equals(key)) return undefined;
	let previous: string | undefined;
	if (current) {
		previous = `${target}.replaced-${new Date().toISOString().replace(/[-:.]/g, '')}`;
		await rename(target, previous);
	}
	await writeFile(`${target}.restoring`, key, { mode: 0o600 });
	await rename(`${target}.restoring`, target);
	return previous;
}
