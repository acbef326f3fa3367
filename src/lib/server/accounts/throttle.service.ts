import type { Kysely, Transaction } from 'kysely';
import type { DB, Db } from '../db/schema.js';
import { ThrottledError } from './accounts.errors.js';
import { recordAudit } from './audit.service.js';
import {
	clearAccountThrottles,
	countFailure,
	deleteStaleThrottles,
	findThrottles,
	markSuccess,
	startBlock,
	type ThrottleKey
} from './throttle.repository.js';

/**
 * One throttle for everything an attacker may repeat: password log-in, second factor,
 * password-reset requests and applications sent through the portal's form. Failures are counted per key; from the `free`-th failure on, each
 * failure blocks the key for `firstBlockSeconds`, doubling up to `maxBlockSeconds`. A count is
 * forgotten `forgetSeconds` after its last failure. Keys:
 * - pair:    one account from one client address (what a guessing attacker hits first);
 * - account: one account from any address — slower, and not applied to an address the account
 *            has succeeded from before, so spraying from many addresses never locks the owner
 *            out at their usual address (elsewhere a reset link unlocks);
 * - address: one client address, any account.
 */
export interface ThrottleRule {
	free: number;
	firstBlockSeconds: number;
	maxBlockSeconds: number;
	forgetSeconds: number;
}

type KeyKind = 'pair' | 'account' | 'address';
export type ThrottleScope = 'login' | 'second_factor' | 'reset' | 'application';
/** The scopes of attempts on an account, the only ones with an audit subject. */
type AccountScope = Exclude<ThrottleScope, 'application'>;

const MINUTE = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;

const ONE_ADDRESS: ThrottleRule = {
	free: 5,
	firstBlockSeconds: MINUTE,
	maxBlockSeconds: 15 * MINUTE,
	forgetSeconds: DAY
};
const ANY_ADDRESS: ThrottleRule = { ...ONE_ADDRESS, free: 20 };

export const THROTTLE_RULES: Record<ThrottleScope, Partial<Record<KeyKind, ThrottleRule>>> = {
	login: {
		pair: ONE_ADDRESS,
		account: ANY_ADDRESS,
		address: { free: 30, firstBlockSeconds: MINUTE, maxBlockSeconds: HOUR, forgetSeconds: HOUR }
	},
	second_factor: { pair: ONE_ADDRESS, account: ANY_ADDRESS },
	// Every request counts here: at most one mail per account per 15 minutes (then 30, 60)
	// and five requests per address before an hour's pause.
	reset: {
		account: { free: 1, firstBlockSeconds: 15 * MINUTE, maxBlockSeconds: HOUR, forgetSeconds: DAY },
		address: { free: 5, firstBlockSeconds: HOUR, maxBlockSeconds: DAY, forgetSeconds: DAY }
	},
	// Public applications to committees' calls: every submission counts, ten an hour from one
	// (hashed) address before a pause, so a flood cannot fill the directory and the inbox.
	application: {
		address: { free: 10, firstBlockSeconds: 15 * MINUTE, maxBlockSeconds: DAY, forgetSeconds: HOUR }
	}
};

/** Pruning forgets keys without a success after a day, addresses an account used after 90 days. */
const KNOWN_ADDRESS_DAYS = 90;

export interface Attempt {
	scope: ThrottleScope;
	/** The account's e-mail address (lower case), whether or not such an account exists. */
	account: string;
	/** The client address, from SvelteKit's getClientAddress(). */
	address: string;
}

/** The account the attempt was for, when it exists: failures and blocks are audited for it. */
export interface AuditSubject {
	userId: number;
	districtId: number;
}

interface Key extends ThrottleKey {
	kind: KeyKind;
	rule: ThrottleRule;
}

function keysOf(attempt: Attempt): Key[] {
	const names: Record<KeyKind, string> = {
		pair: `${attempt.account}|${attempt.address}`,
		account: attempt.account,
		address: attempt.address
	};
	return Object.entries(THROTTLE_RULES[attempt.scope]).map(([kind, rule]) => ({
		kind: kind as KeyKind,
		rule,
		key: `${attempt.scope}:${kind}:${names[kind as KeyKind]}`,
		scope: attempt.scope,
		account: kind === 'address' ? null : attempt.account
	}));
}

/** How long the failure with this count blocks the key, in seconds (0: not at all). */
export function blockSeconds(rule: ThrottleRule, failures: number): number {
	if (failures < rule.free) return 0;
	return Math.min(rule.maxBlockSeconds, rule.firstBlockSeconds * 2 ** (failures - rule.free));
}

const later = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000);

/** Throws ThrottledError, saying how long to wait, while any key of the attempt is blocked. */
export async function refuseIfThrottled(db: Db, attempt: Attempt, now = new Date()): Promise<void> {
	const keys = keysOf(attempt);
	const rows = await findThrottles(
		db,
		keys.map((key) => key.key)
	);
	const stateOf = (kind: KeyKind) => {
		const key = keys.find((candidate) => candidate.kind === kind);
		return key && rows.find((row) => row.key === key.key);
	};
	const knownAddress = Boolean(stateOf('pair')?.succeededAt);
	const waits = keys
		.filter((key) => !(key.kind === 'account' && knownAddress))
		.map((key) => stateOf(key.kind)?.blockedUntil)
		.filter((until): until is string => Boolean(until && until > now.toISOString()))
		.map((until) => Math.ceil((new Date(until).getTime() - now.getTime()) / 1000));
	if (waits.length) throw new ThrottledError(Math.max(...waits));
}

/**
 * Counts a failed attempt (or, for resets, any request) on each key and starts the blocks it
 * earns; audits the failure and each block it started when the account exists. Returns false
 * when a concurrent request blocked a key first, so the caller treats this one as refused too.
 */
export async function recordFailure(
	db: Kysely<DB>,
	attempt: Attempt,
	subject: AuditSubject | null,
	now = new Date()
): Promise<boolean> {
	const at = now.toISOString();
	return db.transaction().execute(async (trx) => {
		let admitted = true;
		for (const key of keysOf(attempt)) {
			const forgetSince = later(now, -key.rule.forgetSeconds).toISOString();
			const seconds = blockSeconds(key.rule, await countFailure(trx, key, at, forgetSince));
			if (!seconds) continue;
			const until = later(now, seconds).toISOString();
			if (!(await startBlock(trx, key.key, at, until))) admitted = false;
			else if (subject) await audit(trx, attempt, subject, 'blocked', { by: key.kind, until }, now);
		}
		if (subject) await audit(trx, attempt, subject, 'failed', {}, now);
		return admitted;
	});
}

async function audit(
	trx: Transaction<DB>,
	attempt: Attempt,
	subject: AuditSubject,
	event: 'failed' | 'blocked',
	details: object,
	now: Date
) {
	await recordAudit(
		trx,
		{
			districtId: subject.districtId,
			// Nobody is signed in as the account: the attempt may be anyone's.
			userId: null,
			// A public application is on no account: its callers pass no subject.
			action: `account.${attempt.scope as AccountScope}_${event}`,
			entity: 'user',
			entityId: subject.userId,
			after: { address: attempt.address, ...details }
		},
		now
	);
}

/** Forgets the failures from this address for the account and marks the address as known. */
export async function recordSuccess(db: Db, attempt: Attempt, now = new Date()): Promise<void> {
	const pair = keysOf(attempt).find((key) => key.kind === 'pair');
	if (pair) await markSuccess(db, pair, now.toISOString());
}

/** Lifts the account's log-in and second-factor blocks: its owner proved the mailbox. */
export async function clearThrottlesOf(db: Db, account: string, now = new Date()): Promise<void> {
	await clearAccountThrottles(db, account, ['login', 'second_factor'], now.toISOString());
}

/** Deletes throttle state nobody needs any more, so the table does not grow without bound. */
export async function pruneThrottles(db: Db, now = new Date()): Promise<number> {
	return deleteStaleThrottles(
		db,
		now.toISOString(),
		later(now, -DAY).toISOString(),
		later(now, -KNOWN_ADDRESS_DAYS * DAY).toISOString()
	);
}
