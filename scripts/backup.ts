// Writes a backup of DATABASE_URL (and DATA_DIR/secret.key) to BACKUP_DIR, then keeps the
// BACKUP_KEEP newest. `npm run backup -- <dir>` writes to another folder and deletes nothing there.
import { readConfig } from '../src/lib/server/config.js';
import { createBackup } from '../src/lib/server/backup/backup.js';
import { pruneBackups } from '../src/lib/server/backup/backup-files.js';

async function main() {
	const config = readConfig();
	const [dir] = process.argv.slice(2);
	const backup = await createBackup(config, dir ?? config.backupDir);
	console.log(`Backup written: ${backup.file} (${backup.bytes} bytes, ${backup.dialect}).`);
	console.log(
		backup.withSecretKey
			? 'It holds DATA_DIR/secret.key: keep the file as safe as the key itself.'
			: 'No key file in DATA_DIR: keep KITZ_SECRET_KEY in your secret store, it is not in the backup.'
	);
	if (dir) return;
	const deleted = await pruneBackups(config.backupDir, config.backupKeep);
	for (const file of deleted) console.log(`Deleted old backup: ${file}`);
	console.log(`Kept the ${config.backupKeep} newest backups in ${config.backupDir}.`);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
