import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { pruneThrottles } from '../accounts/throttle.service.js';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { deliverDueMail } from '../mail/mail.service.js';
import { snapshotClosedPeriods } from '../measures/indicator-snapshots.js';
import { sendTaskReminders } from '../minutes/task-reminders.service.js';
import { sendVerificationReminders } from '../freshness/freshness.service.js';
import { refreshAllOccurrences } from '../offers/offers.service.js';

const HOUR = 60 * 60 * 1000;

export interface Jobs {
	/** Delivers queued mail now instead of at the next minute (a no-op without SMTP). */
	deliverMailNow(): void;
	/** Starts no more runs; resolves once the runs under way have ended (at shutdown). */
	stop(): Promise<void>;
}

/** What runs when no jobs are started (scripts, tests). */
export const NO_JOBS: Jobs = { deliverMailNow: () => {}, stop: async () => {} };

/** In-process periodic jobs; each run is idempotent, so several app processes may run them. */
export function startJobs(db: Kysely<DB>, config: Config): Jobs {
	const timers: NodeJS.Timeout[] = [];
	const running = new Set<Promise<unknown>>();
	const run = (job: () => Promise<unknown>, name: string) => {
		const done: Promise<unknown> = job()
			.catch((error: unknown) => console.error(`Job ${name} failed:`, error))
			.finally(() => running.delete(done));
		running.add(done);
	};
	const every = (ms: number, job: () => Promise<unknown>, name: string) =>
		timers.push(setInterval(() => run(job, name), ms).unref());
	const stop = async () => {
		for (const timer of timers) clearInterval(timer);
		await Promise.all(running);
	};
	every(6 * HOUR, () => refreshAllOccurrences(db), 'refresh occurrences');
	// Hourly although the periods are months: cheap, idempotent, and a restart resets the timer.
	every(HOUR, () => sendVerificationReminders(db, config), 'freshness reminders');
	every(HOUR, () => sendTaskReminders(db, config), 'task reminders');
	every(HOUR, () => pruneThrottles(db), 'prune throttles');
	// Freezes computed indicators of periods that just closed (also done on first read).
	every(HOUR, () => snapshotClosedPeriods(db), 'indicator snapshots');
	if (!config.smtpUrl) return { deliverMailNow: () => {}, stop };
	const transport = nodemailer.createTransport(config.smtpUrl);
	const deliver = () => deliverDueMail(db, transport, config.mailFrom);
	every(60_000, deliver, 'deliver mail');
	return { deliverMailNow: () => run(deliver, 'deliver mail'), stop };
}
