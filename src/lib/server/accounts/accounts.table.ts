import type { Generated } from 'kysely';

export interface UsersTable {
	id: Generated<number>;
	districtId: number;
	/** Lower case; unique across the installation. */
	email: string;
	name: string;
	role: string;
	/** argon2id; null until an invited person sets a password. */
	passwordHash: string | null;
	totpSecret: string | null;
	totpEnabledAt: string | null;
	/** The last accepted TOTP time step, so a code cannot be used twice. */
	totpLastStep: number | null;
	createdAt: string;
	updatedAt: string;
	lastLoginAt: string | null;
	disabledAt: string | null;
}

export interface UserOrganisationsTable {
	userId: number;
	organisationId: number;
}

export interface SessionsTable {
	/** SHA-256 of the session token. */
	id: string;
	userId: number;
	createdAt: string;
	lastSeenAt: string;
	expiresAt: string;
	secondFactorAt: string | null;
	ip: string | null;
	userAgent: string | null;
}

/** Failures and the current block of one throttle key; see throttle.service.ts. */
export interface ThrottlesTable {
	key: string;
	scope: string;
	/** The account the key belongs to (an e-mail address), so a password reset can clear it. */
	account: string | null;
	failures: number;
	blockedUntil: string | null;
	lastFailureAt: string | null;
	/** Last success for this key: an address the account logged in from before. */
	succeededAt: string | null;
	updatedAt: string;
}

export interface RecoveryCodesTable {
	userId: number;
	codeHash: string;
	usedAt: string | null;
}

export interface AccountTokensTable {
	/** SHA-256 of the token in the link. */
	id: string;
	userId: number;
	purpose: 'invite' | 'reset';
	createdAt: string;
	expiresAt: string;
	usedAt: string | null;
}

export interface AuditLogTable {
	id: Generated<number>;
	districtId: number;
	/** Null for changes nobody signed in made (e.g. setting a password from a link). */
	userId: number | null;
	at: string;
	action: string;
	entity: string;
	entityId: number;
	before: string | null;
	after: string | null;
}
