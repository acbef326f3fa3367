import type { Db } from './schema.js';

export async function getSetting(db: Db, key: string): Promise<string | undefined> {
	const row = await db
		.selectFrom('settings')
		.select('value')
		.where('key', '=', key)
		.executeTakeFirst();
	return row?.value;
}

/** Several settings in one query, by key; absent keys are left out. */
export async function getSettings(db: Db, keys: string[]): Promise<Map<string, string>> {
	const rows = await db
		.selectFrom('settings')
		.select(['key', 'value'])
		.where('key', 'in', keys)
		.execute();
	return new Map(rows.map((row) => [row.key, row.value]));
}

export async function setSetting(db: Db, key: string, value: string): Promise<void> {
	await db
		.insertInto('settings')
		.values({ key, value })
		.onConflict((oc) => oc.column('key').doUpdateSet({ value }))
		.execute();
}
