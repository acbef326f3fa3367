export const ADMIN_URL =
	process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Test databases carry the pid of the test run that made them, so runs side by side (two
 * checkouts, a developer and CI) never drop each other's databases.
 */
export const DATABASE_PREFIX = 'kitz_test_';
export const runPrefix = (pid: number) => `${DATABASE_PREFIX}${pid}_`;
export const templateFor = (pid: number) => `${runPrefix(pid)}template`;

export function urlFor(database: string): string {
	const url = new URL(ADMIN_URL);
	url.pathname = `/${database}`;
	return url.toString();
}
