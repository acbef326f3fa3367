import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { releaseJobLease, renewJobLease, takeJobLease } from './job-leases.repository.js';
import { logger } from '../../shared/log/logger.js';

/** Names this process in `job_leases`: readable there, and new at each start. */
export function leaseHolderId(): string {
	return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export interface LeaseOptions {
	holder: string;
	/** The job runs again once its last start, in any process, is this long ago. */
	periodMs: number;
	/** A lease not renewed for this long lets another process take the job (a crashed holder). */
	leaseMs?: number;
	clock?: () => Date;
}

const DEFAULT_LEASE_MS = 5 * 60_000;
// Processes' timers drift apart; a run counts for nine tenths of its period so none is skipped.
const PERIOD_SHARE = 0.9;

/**
 * Runs `job` in this process unless another holds it or it started less than a period ago;
 * renews the lease every third of its length while the job works. Returns whether it ran; a
 * failing job is released with its error (kept in `job_leases.last_error`) and rethrown.
 */
export async function runUnderLease(
	db: Kysely<DB>,
	name: string,
	job: () => Promise<unknown>,
	{ holder, periodMs, leaseMs = DEFAULT_LEASE_MS, clock = () => new Date() }: LeaseOptions
): Promise<boolean> {
	const after = (ms: number) => new Date(clock().getTime() + ms).toISOString();
	const taken = await takeJobLease(db, {
		name,
		holder,
		now: after(0),
		leaseUntil: after(leaseMs),
		startedBefore: after(-periodMs * PERIOD_SHARE)
	});
	if (!taken) return false;
	const renewal = setInterval(() => {
		renewJobLease(db, name, holder, after(leaseMs)).then(
			(kept) => {
				if (!kept)
					logger.warn({ job: name }, 'Another process took the job over while it ran here');
			},
			(error: unknown) => logger.error({ err: error, job: name }, 'Renewing the job lease failed')
		);
	}, leaseMs / 3);
	renewal.unref();
	let failure: string | null = null;
	try {
		await job();
	} catch (error) {
		failure = (error instanceof Error ? error.message : String(error)).slice(0, 500);
		throw error;
	} finally {
		clearInterval(renewal);
		await releaseJobLease(db, name, holder, after(0), failure);
	}
	return true;
}
