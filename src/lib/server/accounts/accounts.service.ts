import { hash, verify } from '@node-rs/argon2';
import type { Kysely, Transaction } from 'kysely';
import type { DB, Db } from '../db/schema.js';
import {
	AccountValidationError,
	EmailTakenError,
	InvalidCredentialsError
} from './accounts.errors.js';
import {
	findOrganisationIds,
	findUserByEmail,
	insertUser,
	touchLogin
} from './accounts.repository.js';
import { newAccountSchema, type NewAccount, type ValidNewAccount } from './accounts.schema.js';
import type { Actor, Role } from './authorization.js';
import { recordFailure, recordSuccess, refuseIfThrottled } from './throttle.service.js';

export async function createAccount(
	db: Kysely<DB>,
	input: NewAccount,
	now = new Date()
): Promise<number> {
	const account = await validateNewAccount(db, input);
	const passwordHash = account.password ? await hash(account.password) : null;
	return db
		.transaction()
		.execute((trx) =>
			insertUser(trx, newUserRow(account, passwordHash, now), account.organisationIds)
		);
}

/** The same as createAccount inside the caller's transaction, so several accounts commit together. */
export async function createAccountIn(
	trx: Transaction<DB>,
	input: NewAccount,
	now = new Date()
): Promise<number> {
	const account = await validateNewAccount(trx, input);
	const passwordHash = account.password ? await hash(account.password) : null;
	return insertUser(trx, newUserRow(account, passwordHash, now), account.organisationIds);
}

/** The users row of a validated new account. */
export function newUserRow(account: ValidNewAccount, passwordHash: string | null, now: Date) {
	return {
		districtId: account.districtId,
		email: account.email,
		name: account.name,
		role: account.role,
		passwordHash,
		totpSecret: null,
		totpEnabledAt: null,
		totpLastStep: null,
		createdAt: now.toISOString(),
		updatedAt: now.toISOString(),
		lastLoginAt: null,
		disabledAt: null
	};
}

/** Validates a new account and checks the e-mail is free; the common first step of creating one. */
export async function validateNewAccount(db: Db, input: NewAccount): Promise<ValidNewAccount> {
	const parsed = newAccountSchema.safeParse(input);
	if (!parsed.success)
		throw new AccountValidationError(
			parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
		);
	if (await findUserByEmail(db, parsed.data.email)) throw new EmailTakenError(parsed.data.email);
	return parsed.data;
}

// Verifying against this when the account is unknown makes both answers take equally long.
let decoyHash: Promise<string> | undefined;

/**
 * Checks e-mail and password; throttles per account and address before looking anything up
 * (throttle.service.ts), audits failures of existing accounts, and gives the same error for
 * an unknown account as for a wrong password.
 */
export async function authenticate(
	db: Kysely<DB>,
	credentials: { email: string; password: string; ip: string },
	now = new Date()
): Promise<Actor & { userId: number }> {
	const attempt = {
		scope: 'login' as const,
		account: credentials.email.trim().toLowerCase(),
		address: credentials.ip
	};
	await refuseIfThrottled(db, attempt, now);
	const user = await findUserByEmail(db, attempt.account);
	decoyHash ??= hash('decoy password that never matches');
	const passwordHash = user?.passwordHash && !user.disabledAt ? user.passwordHash : await decoyHash;
	const matches = await verify(passwordHash, credentials.password).catch(() => false);
	if (!user?.passwordHash || user.disabledAt || !matches) {
		await recordFailure(
			db,
			attempt,
			user ? { userId: user.id, districtId: user.districtId } : null,
			now
		);
		throw new InvalidCredentialsError();
	}
	await recordSuccess(db, attempt, now);
	await touchLogin(db, user.id, now.toISOString());
	return {
		userId: user.id,
		role: user.role as Role,
		districtId: user.districtId,
		organisationIds: await findOrganisationIds(db, user.id)
	};
}
