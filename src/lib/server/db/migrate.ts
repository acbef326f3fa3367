import { Migrator, type Kysely } from 'kysely';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';

export async function migrateToLatest(db: Kysely<DB>): Promise<void> {
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((result) => result.status === 'Error');
	if (error || failed) {
		const reason = error instanceof Error ? error.message : String(error ?? '');
		throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
	}
}
