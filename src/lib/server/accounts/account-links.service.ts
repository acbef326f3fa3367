import { createHash, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Kysely, Transaction } from 'kysely';
import type { DB, Db } from '../db/schema.js';
import { queueMail } from '../mail/mail.service.js';
import { staffMail } from '../mail/staff-mail.js';
import {
	deleteAccountTokensOf,
	deleteSessionsOf,
	findAccountToken,
	insertAccountToken,
	setPasswordHash,
	useAccountToken
} from './account-tokens.repository.js';
import {
	AccountValidationError,
	ForbiddenError,
	InvalidLinkError,
	ThrottledError
} from './accounts.errors.js';
import { findUserByEmail, findUserById, insertUser } from './accounts.repository.js';
import { passwordSchema, type NewAccount } from './accounts.schema.js';
import { newUserRow, validateNewAccount } from './accounts.service.js';
import { recordAudit } from './audit.service.js';
import { authorize, type Actor } from './authorization.js';
import { clearThrottlesOf, recordFailure, refuseIfThrottled } from './throttle.service.js';

const VALID_HOURS = { invite: 7 * 24, reset: 1 };

/** Where links in mail point: the public origin of the app. */
export interface LinkBase {
	origin: string;
}

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new link replaces the account's earlier links of the same purpose: only the newest works. */
async function issueLink(
	trx: Transaction<DB>,
	userId: number,
	purpose: 'invite' | 'reset',
	base: LinkBase,
	now: Date
): Promise<string> {
	const token = randomBytes(32).toString('base64url');
	await deleteAccountTokensOf(trx, userId, purpose);
	await insertAccountToken(trx, {
		id: tokenId(token),
		userId,
		purpose,
		createdAt: now.toISOString(),
		expiresAt: new Date(now.getTime() + VALID_HOURS[purpose] * 3_600_000).toISOString(),
		usedAt: null
	});
	return `${base.origin}/de/set-password?token=${token}`;
}

/**
 * Creates an account without a password and mails a one-time link to set it. Administrators
 * may invite anyone; coordinators everyone but administrators. Account, link and mail are one
 * transaction: there is never an invited account without its mail.
 */
export async function inviteAccount(
	db: Kysely<DB>,
	actor: Actor & { id: number },
	input: Omit<NewAccount, 'districtId' | 'password'>,
	base: LinkBase,
	now = new Date()
): Promise<number> {
	authorize(actor, 'manage_users', {
		districtId: actor.districtId,
		organisationId: input.organisationIds?.[0] ?? 0,
		published: false
	});
	if (input.role === 'administrator' && actor.role !== 'administrator')
		throw new ForbiddenError('manage_users', actor.role);
	const account = await validateNewAccount(db, { ...input, districtId: actor.districtId });
	return db.transaction().execute(async (trx) => {
		const userId = await insertUser(trx, newUserRow(account, null, now), account.organisationIds);
		const link = await issueLink(trx, userId, 'invite', base, now);
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'account.invited',
				entity: 'user',
				entityId: userId,
				after: {
					email: account.email,
					name: account.name,
					role: account.role,
					organisationIds: account.organisationIds
				}
			},
			now
		);
		await queueMail(
			trx,
			{ to: account.email, ...staffMail('mail.invite', { name: account.name, link }) },
			now
		);
		return userId;
	});
}

/**
 * Mails a reset link if the address belongs to an active account and the request is within the
 * reset throttle (per address and per e-mail address, counted whether or not the account
 * exists); says nothing either way, so neither accounts nor limits are revealed.
 */
export async function requestPasswordReset(
	db: Kysely<DB>,
	request: { email: string; ip: string },
	base: LinkBase,
	now = new Date()
): Promise<void> {
	const email = request.email.trim().toLowerCase();
	const attempt = { scope: 'reset' as const, account: email, address: request.ip };
	try {
		await refuseIfThrottled(db, attempt, now);
	} catch (error) {
		if (error instanceof ThrottledError) return;
		throw error;
	}
	if (!(await recordFailure(db, attempt, null, now))) return;
	const user = await findUserByEmail(db, email);
	if (!user || user.disabledAt) return;
	await db.transaction().execute(async (trx) => {
		const link = await issueLink(trx, user.id, 'reset', base, now);
		await queueMail(trx, { to: email, ...staffMail('mail.reset', { link }) }, now);
	});
}

/** Whether the link can still set a password (so the page can say so before the form). */
export async function isLinkValid(db: Db, token: string, now = new Date()) {
	const stored = await findAccountToken(db, tokenId(token));
	return Boolean(stored && !stored.usedAt && stored.expiresAt > now.toISOString());
}

/**
 * Sets the password from a link (invitation or reset), once. Like every password change it
 * ends all sessions, revokes all of the account's links and lifts its log-in throttle.
 */
export async function redeemLink(
	db: Kysely<DB>,
	token: string,
	password: string,
	now = new Date()
) {
	const parsed = passwordSchema.safeParse(password);
	if (!parsed.success)
		throw new AccountValidationError([{ path: 'password', message: 'too_short' }]);
	const stored = await findAccountToken(db, tokenId(token));
	if (!stored || stored.usedAt || stored.expiresAt <= now.toISOString())
		throw new InvalidLinkError();
	const passwordHash = await hash(parsed.data);
	await db.transaction().execute(async (trx) => {
		if (!(await useAccountToken(trx, stored.id, now.toISOString()))) throw new InvalidLinkError();
		const user = await changePassword(trx, stored.userId, passwordHash, now);
		await recordAudit(
			trx,
			{
				districtId: user.districtId,
				userId: stored.userId,
				action: `account.password_set_by_${stored.purpose}`,
				entity: 'user',
				entityId: stored.userId
			},
			now
		);
	});
	return stored.userId;
}

/** The one way a password changes: old sessions and links stop working, blocks are lifted. */
async function changePassword(
	trx: Transaction<DB>,
	userId: number,
	passwordHash: string,
	now: Date
) {
	const user = await findUserById(trx, userId);
	if (!user) throw new InvalidLinkError();
	await setPasswordHash(trx, userId, passwordHash, now.toISOString());
	await deleteAccountTokensOf(trx, userId);
	await deleteSessionsOf(trx, userId);
	await clearThrottlesOf(trx, user.email, now);
	return user;
}
