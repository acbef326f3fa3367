import { createHash, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { queueMail } from '../mail/mail.service.js';
import { staffMail } from '../mail/staff-mail.js';
import {
	deleteSessionsOf,
	findAccountToken,
	insertAccountToken,
	setPasswordHash,
	useAccountToken
} from './account-tokens.repository.js';
import { AccountValidationError } from './accounts.errors.js';
import { findUserByEmail, findUserDistrict, insertUser } from './accounts.repository.js';
import { passwordSchema, type NewAccount } from './accounts.schema.js';
import { newUserRow, validateNewAccount } from './accounts.service.js';
import { recordAudit } from './audit.service.js';
import { authorize, ForbiddenError, type Actor } from './authorization.js';

const VALID_HOURS = { invite: 7 * 24, reset: 1 };

export class InvalidLinkError extends Error {
	constructor() {
		super('The link is unknown, used or expired');
	}
}

/** Where links in mail point: the public origin of the app. */
export interface LinkBase {
	origin: string;
}

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

async function issueLink(
	trx: Transaction<DB>,
	userId: number,
	purpose: 'invite' | 'reset',
	base: LinkBase,
	now: Date
): Promise<string> {
	const token = randomBytes(32).toString('base64url');
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

/** Mails a reset link if the address belongs to an active account; says nothing either way. */
export async function requestPasswordReset(
	db: Kysely<DB>,
	email: string,
	base: LinkBase,
	now = new Date()
) {
	const user = await findUserByEmail(db, email.trim().toLowerCase());
	if (!user || user.disabledAt) return;
	await db.transaction().execute(async (trx) => {
		const link = await issueLink(trx, user.id, 'reset', base, now);
		await queueMail(
			trx,
			{ to: email.trim().toLowerCase(), ...staffMail('mail.reset', { link }) },
			now
		);
	});
}

/** Sets the password from a link (invitation or reset), once; ends every open session. */
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
		await setPasswordHash(trx, stored.userId, passwordHash, now.toISOString());
		const districtId = await findUserDistrict(trx, stored.userId);
		await recordAudit(
			trx,
			{
				districtId,
				userId: stored.userId,
				action: `account.password_set_by_${stored.purpose}`,
				entity: 'user',
				entityId: stored.userId
			},
			now
		);
		await deleteSessionsOf(trx, stored.userId);
	});
	return stored.userId;
}
