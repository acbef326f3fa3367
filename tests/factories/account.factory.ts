import type { Kysely } from 'kysely';
import { EmailTakenError } from '../../src/lib/server/accounts/accounts.errors.js';
import { findUserByEmail } from '../../src/lib/server/accounts/accounts.repository.js';
import { createAccount } from '../../src/lib/server/accounts/accounts.service.js';
import type { NewAccount } from '../../src/lib/server/accounts/accounts.schema.js';
import type { Actor } from '../../src/lib/server/accounts/authorization.js';
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

/** A signed-in person as the services see them. */
export type TestActor = Actor & { id: number };

const editors = new WeakMap<Kysely<DB>, Map<number, Promise<TestActor>>>();

/**
 * The district's administrator the factories act as, so test data passes the same checks and
 * leaves the same audit trail as data made in the back office. One per database handle and
 * district; without a password, so no test pays for argon2 hashing it.
 */
export function factoryEditor(db: Kysely<DB>, districtId: number): Promise<TestActor> {
	const byDistrict = editors.get(db) ?? new Map<number, Promise<TestActor>>();
	editors.set(db, byDistrict);
	let editor = byDistrict.get(districtId);
	if (!editor) {
		editor = signUpFactoryEditor(db, districtId);
		byDistrict.set(districtId, editor);
		// A failed attempt must not stay cached for the next test.
		editor.catch(() => byDistrict.delete(districtId));
	}
	return editor;
}

async function signUpFactoryEditor(db: Kysely<DB>, districtId: number): Promise<TestActor> {
	const email = `factory-${districtId}@kitz.test`;
	const editor = { role: 'administrator' as const, districtId, organisationIds: [] };
	try {
		const id = await createAccount(db, { ...editor, email, name: 'Testdaten' });
		return { ...editor, id };
	} catch (error) {
		if (!(error instanceof EmailTakenError)) throw error;
		// A copy of a seeded database (isolation 'test') already holds the account under a new handle.
		const existing = await findUserByEmail(db, email);
		return { ...editor, id: existing!.id };
	}
}
