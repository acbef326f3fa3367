// Restores a backup into DATABASE_URL and DATA_DIR: `npm run restore -- <file> --yes`.
// Without --yes it only checks the backup and the database and says what it would do.
import { readConfig } from '../src/lib/server/config.js';
import { restoreBackup } from '../src/lib/server/backup/backup.js';
import { dialectOf } from '../src/lib/server/db/database.js';

const USAGE = 'Usage: npm run restore -- <backup file> [--yes]';

async function main() {
	const args = process.argv.slice(2);
	const files = args.filter((arg) => arg !== '--yes');
	if (files.length !== 1 || files[0]!.startsWith('-')) throw new Error(USAGE);
	const file = files[0]!;
	const config = readConfig();
	const target = `the ${dialectOf(config.databaseUrl)} database of DATABASE_URL`;
	const plan = await restoreBackup(config, file, { apply: args.includes('--yes') });
	const made = `backup of ${plan.manifest.createdAt} (${plan.manifest.migrations.length} migrations)`;
	if (!plan.applied) {
		console.log(`${file} is a whole ${made}, and nothing uses ${target}.`);
		console.log(
			`Restoring replaces everything in ${target}${plan.withSecretKey ? ` and ${config.dataDir}/secret.key` : ''}.`
		);
		console.log(
			`A restore brings back everyone erased since then. Note them now, to erase them again after it:\n` +
				`  select entity_id from audit_log where action = 'contact.erase' and at > '${plan.manifest.createdAt}';`
		);
		console.log(`Nothing was changed. To restore: npm run restore -- ${file} --yes`);
		process.exitCode = 2;
		return;
	}
	console.log(`Restored the ${made} into ${target}.`);
	if (plan.withSecretKey) console.log(`Restored the key file ${config.dataDir}/secret.key.`);
	if (plan.previousSecretKey)
		console.log(`The key it replaced is kept as ${plan.previousSecretKey}.`);
	console.log(
		'Before anybody uses the app: erase again the contacts erased since the backup (docs/operations.md, "Backups").'
	);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
