// Imports places of any district: `npm run import:places -- places.csv [supplement.csv]`.
// The CSV needs ags,name,lat,lon; the district with the key's first five digits must exist.
import { readFile } from 'node:fs/promises';
import { readConfig } from '../src/lib/server/config.js';
import { openDatabase } from '../src/lib/server/db/database.js';
import { migrateToLatest } from '../src/lib/server/db/migrate.js';
import { importPlacesCsv } from '../src/lib/server/places/places.import.js';

async function main() {
	const [csvPath, supplementPath] = process.argv.slice(2);
	if (!csvPath) throw new Error('Usage: npm run import:places -- <places.csv> [supplement.csv]');
	const database = openDatabase(readConfig().databaseUrl);
	try {
		await migrateToLatest(database.db);
		const result = await importPlacesCsv(
			database.db,
			await readFile(csvPath, 'utf8'),
			supplementPath ? await readFile(supplementPath, 'utf8') : undefined
		);
		console.log(`Imported ${result.imported} places.`);
		for (const row of result.unplaced)
			console.warn(`Line ${row.line}: ${row.ags} ${row.name} left out: ${row.reason}`);
	} finally {
		await database.close();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
