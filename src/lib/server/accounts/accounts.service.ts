import { hash, verify } from '@node-rs/argon2';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import {
	AccountValidationError,
	EmailTakenError,
	InvalidCredentialsError,
	LoginThrottledError
} from './accounts.errors.js';
import {
	findFailedAttempts,
	findOrganisationIds,
	findUserByEmail,
	insertLoginAttempt,
	insertUser,
	touchLogin
} from './accounts.repository.js';
import { newAccountSchema, type NewAccount, type ValidNewAccount } from './accounts.schema.js';
import type { Actor, Role } from './authorization.js';

/** Failed log-ins tolerated per account and per address within the window. */
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 20 };

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
export async function validateNewAccount(
	db: Kysely<DB>,
	input: NewAccount
): Promise<ValidNewAccount> {
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
 * Checks e-mail and password; throttles per account and per address before looking anything
 * up, records the attempt, and gives the same error for an unknown account as for a wrong password.
 */
export async function authenticate(
	db: Kysely<DB>,
	credentials: { email: string; password: string; ip: string },
	now = new Date()
): Promise<Actor & { userId: number }> {
	const email = credentials.email.trim().toLowerCase();
	const keys = { account: `account:${email}`, address: `ip:${credentials.ip}` };
	await refuseIfThrottled(db, keys, now);
	const user = await findUserByEmail(db, email);
	decoyHash ??= hash('decoy password that never matches');
	const passwordHash = user?.passwordHash && !user.disabledAt ? user.passwordHash : await decoyHash;
	const matches = await verify(passwordHash, credentials.password).catch(() => false);
	const succeeded = Boolean(user?.passwordHash && !user.disabledAt && matches);
	const at = now.toISOString();
	await insertLoginAttempt(db, keys.account, at, succeeded);
	await insertLoginAttempt(db, keys.address, at, succeeded);
	if (!succeeded || !user) throw new InvalidCredentialsError();
	await touchLogin(db, user.id, at);
	return {
		userId: user.id,
		role: user.role as Role,
		districtId: user.districtId,
		organisationIds: await findOrganisationIds(db, user.id)
	};
}

async function refuseIfThrottled(
	db: Kysely<DB>,
	keys: { account: string; address: string },
	now: Date
) {
	const windowMs = THROTTLE.windowMinutes * 60_000;
	const since = new Date(now.getTime() - windowMs).toISOString();
	for (const [key, limit] of [
		[keys.account, THROTTLE.perAccount],
		[keys.address, THROTTLE.perAddress]
	] as const) {
		const failures = await findFailedAttempts(db, key, since);
		if (failures.length >= limit) {
			// Free again once the oldest failure that still counts leaves the window.
			const oldest = new Date(failures[failures.length - limit]!).getTime();
			throw new LoginThrottledError(
				Math.max(1, Math.ceil((oldest + windowMs - now.getTime()) / 1000))
			);
		}
	}
}
