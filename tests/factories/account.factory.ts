import type { Kysely } from 'kysely';
import { createAccount } from '../../src/lib/server/accounts/accounts.service.js';
import type { NewAccount } from '../../src/lib/server/accounts/accounts.schema.js';
import type { DB } from '../../src/lib/server/db/schema.js';

export const TEST_PASSWORD = 'correct horse battery staple';

let sequence = 0;

/** An account with the test password; a unique e-mail unless one is given. */
export async function createTestAccount(
	db: Kysely<DB>,
	overrides: Partial<NewAccount> & { districtId: number }
): Promise<{ id: number; email: string }> {
	sequence++;
	const email = overrides.email ?? `person${sequence}@example.org`;
	const id = await createAccount(db, {
		name: `Person ${sequence}`,
		role: 'coordinator',
		password: TEST_PASSWORD,
		...overrides,
		email
	});
	return { id, email: email.toLowerCase() };
}
