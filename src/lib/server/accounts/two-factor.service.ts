import { createHash, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import type { DB, Db } from '../db/schema.js';
import {
	advanceTotpStep,
	countUnusedRecoveryCodes,
	enableTotp,
	findTwoFactor,
	replaceRecoveryCodes,
	setTotpSecret,
	useRecoveryCode
} from './two-factor.repository.js';
import { TwoFactorError } from './accounts.errors.js';
import { findUserDistrict } from './accounts.repository.js';
import { recordAudit } from './audit.service.js';
import type { Role } from './authorization.js';
import { recordFailure, recordSuccess, refuseIfThrottled } from './throttle.service.js';

const PERIOD_SECONDS = 30;
const RECOVERY_CODES = 10;
// No 0/O, 1/I/L: codes are typed from paper.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Staff who can see and change everything must prove a second factor. */
export function requiresTwoFactor(role: Role): boolean {
	return role === 'administrator' || role === 'coordinator';
}

function totp(secret: string, email: string): TOTP {
	return new TOTP({
		issuer: 'KITZ',
		label: email,
		secret: Secret.fromBase32(secret),
		algorithm: 'SHA1',
		digits: 6,
		period: PERIOD_SECONDS
	});
}

/** The time step a code matches (one step of clock drift either way), or null. */
function matchingStep(generator: TOTP, code: string, now: Date): number | null {
	const delta = generator.validate({
		token: code.replace(/\s/g, ''),
		timestamp: now.getTime(),
		window: 1
	});
	return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

function hashCode(code: string): string {
	return createHash('sha256')
		.update(code.toUpperCase().replace(/[^A-Z0-9]/g, ''))
		.digest('hex');
}

function newRecoveryCode(): string {
	const part = () =>
		Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
	return `${part()}-${part()}-${part()}`;
}

/** Starts (or restarts) enrolment; returns the otpauth URI for the authenticator app. */
export async function beginTwoFactor(db: Db, userId: number, now = new Date()): Promise<string> {
	const user = await findTwoFactor(db, userId);
	if (!user) throw new TwoFactorError('not_enrolled');
	const secret = new Secret({ size: 20 }).base32;
	await setTotpSecret(db, userId, secret, now.toISOString());
	return totp(secret, user.email).toString();
}

/**
 * The enrolment in progress (so reloading the page keeps the scanned secret), a new one, or
 * null when two-factor log-in is already on: an enabled secret is never replaced here.
 */
export async function pendingTwoFactor(
	db: Db,
	userId: number,
	now = new Date()
): Promise<string | null> {
	const user = await findTwoFactor(db, userId);
	if (user?.totpEnabledAt) return null;
	if (user?.totpSecret) return totp(user.totpSecret, user.email).toString();
	return beginTwoFactor(db, userId, now);
}

/** Confirms enrolment with a first code; returns recovery codes, shown to the person once. */
export async function confirmTwoFactor(
	db: Kysely<DB>,
	userId: number,
	code: string,
	now = new Date()
): Promise<string[]> {
	const user = await findTwoFactor(db, userId);
	if (!user?.totpSecret) throw new TwoFactorError('not_enrolled');
	const step = matchingStep(totp(user.totpSecret, user.email), code, now);
	if (step === null) throw new TwoFactorError('wrong_code');
	const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
	await db.transaction().execute(async (trx) => {
		await enableTotp(trx, userId, step, now.toISOString());
		await replaceRecoveryCodes(trx, userId, codes.map(hashCode));
		const districtId = await findUserDistrict(trx, userId);
		await recordAudit(
			trx,
			{
				districtId,
				userId,
				action: 'account.two_factor_enabled',
				entity: 'user',
				entityId: userId
			},
			now
		);
	});
	return codes;
}

/**
 * Accepts a current authenticator code (each only once) or an unused recovery code. Both count
 * as second-factor attempts: throttled per account and address like the password step, every
 * failure audited, and refused during a block even when right.
 */
export async function verifySecondFactor(
	db: Kysely<DB>,
	input: { userId: number; code: string; ip: string },
	now = new Date()
): Promise<{ recoveryCodesLeft: number }> {
	const { userId, code } = input;
	const user = await findTwoFactor(db, userId);
	if (!user?.totpSecret || !user.totpEnabledAt) throw new TwoFactorError('not_enrolled');
	const attempt = { scope: 'second_factor' as const, account: user.email, address: input.ip };
	await refuseIfThrottled(db, attempt, now);
	const step = matchingStep(totp(user.totpSecret, user.email), code, now);
	const accepted =
		step !== null
			? await advanceTotpStep(db, userId, step)
			: await useRecoveryCode(db, userId, hashCode(code), now.toISOString());
	if (!accepted) {
		const districtId = await findUserDistrict(db, userId);
		await recordFailure(db, attempt, { userId, districtId }, now);
		throw new TwoFactorError('wrong_code');
	}
	await recordSuccess(db, attempt, now);
	return { recoveryCodesLeft: await countUnusedRecoveryCodes(db, userId) };
}
