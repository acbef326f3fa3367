/** What backing up and restoring needs from each database. */
export interface DialectBackup {
	/** Writes a consistent copy of the live database to `target`; returns its applied migrations. */
	dump(url: string, target: string): Promise<string[]>;
	/** Throws BackupError unless `file` (a copy from a backup) can be restored. */
	verify(file: string): Promise<void>;
	/**
	 * Throws BackupError while anything else uses the database, or when the database knows
	 * migrations the backup (made with `migrations`) does not.
	 */
	assertRestorable(url: string, migrations: string[]): Promise<void>;
	/** Replaces the database's content with `file`, all or nothing. */
	replace(url: string, file: string): Promise<void>;
}
