import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely';

/** Migration helpers for the few places where SQLite and PostgreSQL DDL differ. Frozen like migrations. */
export function isPostgres(db: Kysely<any>): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function idColumn(db: Kysely<any>) {
	return <T extends string>(table: CreateTableBuilder<T, never>) =>
		isPostgres(db)
			? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
			: table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
