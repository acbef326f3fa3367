import { Migrator, type Kysely } from 'kysely';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';

const migrator = (db: Kysely<DB>) =>
	new Migrator({ db, provider: { getMigrations: async () => migrations } });

export async function migrateToLatest(db: Kysely<DB>): Promise<void> {
	const { error, results } = await migrator(db).migrateToLatest();
	const failed = results?.find((result) => result.status === 'Error');
	if (error || failed) {
		const reason = error instanceof Error ? error.message : String(error ?? '');
		throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
	}
}

/** The migrations this code knows that the database has not run yet. */
export async function pendingMigrations(db: Kysely<DB>): Promise<string[]> {
	const known = await migrator(db).getMigrations();
	return known.filter((migration) => !migration.executedAt).map((migration) => migration.name);
}
