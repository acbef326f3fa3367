import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** `kitz-backup-20261205T031500Z.tar`: UTC, so names sort by time in every time zone. */
const BACKUP_NAME = /^kitz-backup-\d{8}T\d{6}Z\.tar$/;

export function backupName(at: Date): string {
	const stamp = at
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
	return `kitz-backup-${stamp}.tar`;
}

/** The backups in `dir`, newest first; other files are not backups and never listed. */
export async function listBackups(dir: string): Promise<string[]> {
	const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT') return [];
		throw error;
	});
	return names
		.filter((name) => BACKUP_NAME.test(name))
		.sort()
		.reverse()
		.map((name) => join(dir, name));
}

/** Deletes all but the `keep` newest backups in `dir`; returns the deleted files. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
	const expired = (await listBackups(dir)).slice(keep);
	for (const file of expired) await rm(file, { force: true });
	return expired;
}
