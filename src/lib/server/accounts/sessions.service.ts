import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/schema.js';
import {
	deleteSession,
	extendSession,
	findOrganisationIds,
	findSession,
	findUserById,
	insertSession
} from './accounts.repository.js';
import type { Role } from './authorization.js';
import { markSessionSecondFactor } from './two-factor.repository.js';

/** Sessions end after this much inactivity. */
export const SESSION_IDLE_HOURS = 8;

function sessionId(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

function expiry(now: Date): string {
	return new Date(now.getTime() + SESSION_IDLE_HOURS * 3_600_000).toISOString();
}

/** Starts a session and returns the token for the cookie; only its hash is stored. */
export async function startSession(
	db: Db,
	userId: number,
	client: { ip: string | null; userAgent: string | null },
	now = new Date()
): Promise<string> {
	const token = randomBytes(32).toString('base64url');
	await insertSession(db, {
		id: sessionId(token),
		userId,
		createdAt: now.toISOString(),
		lastSeenAt: now.toISOString(),
		expiresAt: expiry(now),
		secondFactorAt: null,
		ip: client.ip,
		userAgent: client.userAgent?.slice(0, 300) ?? null
	});
	return token;
}

/** The session's user while the session lives; each use extends it, an expired one is removed. */
export async function resumeSession(
	db: Db,
	token: string,
	now = new Date()
): Promise<{ userId: number; secondFactorAt: string | null } | null> {
	const id = sessionId(token);
	const session = await findSession(db, id);
	if (!session) return null;
	if (session.expiresAt <= now.toISOString()) {
		await deleteSession(db, id);
		return null;
	}
	await extendSession(db, id, now.toISOString(), expiry(now));
	return { userId: session.userId, secondFactorAt: session.secondFactorAt };
}

export async function endSession(db: Db, token: string): Promise<void> {
	await deleteSession(db, sessionId(token));
}

/** Records that the session's person proved the second factor. */
export async function markSecondFactorDone(db: Db, token: string, now = new Date()): Promise<void> {
	await markSessionSecondFactor(db, sessionId(token), now.toISOString());
}

export interface SignedInUser {
	id: number;
	email: string;
	name: string;
	role: Role;
	districtId: number;
	organisationIds: number[];
	twoFactorEnabled: boolean;
	/** When the second factor was proven in this session; null if not (yet). */
	secondFactorAt: string | null;
}

/** The person behind a session cookie, or null for no, an expired or a disabled account's session. */
export async function signedInUser(
	db: Db,
	token: string,
	now = new Date()
): Promise<SignedInUser | null> {
	const session = await resumeSession(db, token, now);
	if (!session) return null;
	const user = await findUserById(db, session.userId);
	if (!user || user.disabledAt) return null;
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		role: user.role as Role,
		districtId: user.districtId,
		organisationIds: await findOrganisationIds(db, user.id),
		twoFactorEnabled: user.totpEnabledAt !== null,
		secondFactorAt: session.secondFactorAt
	};
}
