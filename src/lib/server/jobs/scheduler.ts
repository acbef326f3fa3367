import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { pruneThrottles } from '../accounts/throttle.service.js';
import { backUpWhenDue } from '../backup/scheduled-backup.js';
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
}

/** What runs when no jobs are started (scripts, tests) or no mail server is configured. */
export const NO_JOBS: Jobs = { deliverMailNow: () => {} };

/** In-process periodic jobs; each run is idempotent, so several app processes may run them. */
export function startJobs(db: Kysely<DB>, config: Config): Jobs {
	const every = (ms: number, job: () => Promise<unknown>, name: string) =>
		setInterval(() => {
			job().catch((error: unknown) => console.error(`Job ${name} failed:`, error));
		}, ms).unref();
	every(6 * HOUR, () => refreshAllOccurrences(db), 'refresh occurrences');
	// Hourly although the periods are months: cheap, idempotent, and a restart resets the timer.
	every(HOUR, () => sendVerificationReminders(db, config), 'freshness reminders');
	every(HOUR, () => sendTaskReminders(db, config), 'task reminders');
	every(HOUR, () => pruneThrottles(db), 'prune throttles');
	// Freezes computed indicators of periods that just closed (also done on first read).
	every(HOUR, () => snapshotClosedPeriods(db), 'indicator snapshots');
	// Checks often, backs up once per BACKUP_INTERVAL_HOURS: the process that claims it in the database.
	if (config.backupIntervalHours > 0)
		every(10 * 60_000, () => backUpWhenDue(db, config), 'scheduled backup');
	if (!config.smtpUrl) return NO_JOBS;
	const transport = nodemailer.createTransport(config.smtpUrl);
	const deliver = () => deliverDueMail(db, transport, config.mailFrom);
	every(60_000, deliver, 'deliver mail');
	return {
		deliverMailNow: () => {
			deliver().catch((error: unknown) => console.error('Job deliver mail failed:', error));
		}
	};
}
