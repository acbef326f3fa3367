// Applies pending migrations to the database named by DATABASE_URL (default: ./data/kitz.sqlite).
import { readConfig } from '../src/lib/server/config.js';
import { openDatabase } from '../src/lib/server/db/database.js';
import { migrateToLatest } from '../src/lib/server/db/migrate.js';

async function main() {
	const config = readConfig();
	const database = openDatabase(config.databaseUrl);
	try {
		await migrateToLatest(database.db);
		console.log(`Migrated ${database.dialect} database to the latest version.`);
	} finally {
		await database.close();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
