import type { Config } from '../config.js';
import { logger } from '../../shared/log/logger.js';
import type { Db } from '../db/schema.js';
import { createBackup } from './backup.js';
import { pruneBackups } from './backup-files.js';
import { claimScheduledBackup } from './backup.repository.js';

const HOUR = 60 * 60 * 1000;

/**
 * The scheduled backup: when BACKUP_INTERVAL_HOURS have passed since the last one began, the one
 * process that claims it in the database backs up and deletes backups beyond BACKUP_KEEP.
 */
export async function backUpWhenDue(db: Db, config: Config, now = new Date()): Promise<void> {
	const dueBefore = new Date(now.getTime() - config.backupIntervalHours * HOUR);
	if (!(await claimScheduledBackup(db, dueBefore, now))) return;
	const backup = await createBackup(config, config.backupDir, now);
	const deleted = await pruneBackups(config.backupDir, config.backupKeep);
	logger.info(
		{ file: backup.file, bytes: backup.bytes, deleted: deleted.length, kept: config.backupKeep },
		'Backup written'
	);
}
