import type { Kysely } from 'kysely';
import type { Transporter } from 'nodemailer';
import { pruneThrottles } from '../accounts/throttle.service.js';
import type { Config } from '../config.js';
import { logger } from '../../shared/log/logger.js';
import type { DB } from '../db/schema.js';
import { deliverDueMail } from '../mail/mail.service.js';
import { snapshotClosedPeriods } from '../measures/indicator-snapshots.js';
import { sendTaskReminders } from '../minutes/task-reminders.service.js';
import { sendVerificationReminders } from '../freshness/freshness.service.js';
import { refreshAllOccurrences } from '../offers/offers.service.js';
import { leaseHolderId, runUnderLease } from './job-lease.js';
import { withoutOverlap, type OverlapFreeJob } from './without-overlap.js';

const HOUR = 60 * 60 * 1000;
/** The date refresh's name in `job_leases` (the bench records a run of it with the dates it makes). */
export const OCCURRENCES_JOB = 'refresh occurrences';
export const OCCURRENCES_PERIOD_MS = 6 * HOUR;

export interface Jobs {
	/** Delivers queued mail now instead of at the next interval (a no-op without SMTP). */
	deliverMailNow(): void;
	/** Starts no more runs; resolves once the runs under way have ended (at shutdown). */
	stop(): Promise<void>;
}

/** What runs when no jobs are started (scripts, tests). */
export const NO_JOBS: Jobs = { deliverMailNow: () => {}, stop: async () => {} };

/**
 * In-process periodic jobs. No process runs a job twice at once; the periodic ones run in one
 * process per period across all that share the database (a lease in `job_leases`), and mail is
 * delivered by every process, each mail claimed on its own right before it is sent.
 */
export function startJobs(db: Kysely<DB>, config: Config): Jobs {
	const holder = leaseHolderId();
	const timers: NodeJS.Timeout[] = [];
	const jobs: OverlapFreeJob[] = [];
	// Aborted at stop: no pass starts any more, and a long one (the date refresh) ends early.
	const stopping = new AbortController();
	const every = (ms: number, job: () => Promise<unknown>, name: string) => {
		// A stopped scheduler starts no pass, not even one asked for during the last run.
		const run = withoutOverlap(
			() => (stopping.signal.aborted ? Promise.resolve() : job()),
			(error) => logger.error({ err: error, job: name }, 'Job failed')
		);
		timers.push(setInterval(run, ms).unref());
		jobs.push(run);
		return run;
	};
	const onceAcross = (ms: number, job: () => Promise<unknown>, name: string) =>
		every(ms, () => runUnderLease(db, name, job, { holder, periodMs: ms }), name);
	const stop = async () => {
		stopping.abort();
		for (const timer of timers) clearInterval(timer);
		await Promise.all(jobs.map((job) => job.idle()));
	};
	// At start too, in the background (at 100,000 offers it takes minutes): unless another
	// process has just done it, the dates are rolled forward after a downtime.
	void onceAcross(
		OCCURRENCES_PERIOD_MS,
		() => refreshAllOccurrences(db, new Date(), stopping.signal),
		OCCURRENCES_JOB
	)();
	// Hourly although the periods are months: cheap, idempotent, and a restart resets the timer.
	onceAcross(HOUR, () => sendVerificationReminders(db, config), 'freshness reminders');
	onceAcross(HOUR, () => sendTaskReminders(db, config), 'task reminders');
	onceAcross(HOUR, () => pruneThrottles(db), 'prune throttles');
	// Freezes computed indicators of periods that just closed (also done on first read).
	onceAcross(HOUR, () => snapshotClosedPeriods(db), 'indicator snapshots');
	// Checks often, backs up once per BACKUP_INTERVAL_HOURS: the process that claims it in the database.
	// Imported when first due: a start need not load the archive and dump modules (tar-stream).
	if (config.backupIntervalHours > 0)
		every(
			10 * 60_000,
			async () => (await import('../backup/scheduled-backup.js')).backUpWhenDue(db, config),
			'scheduled backup'
		);
	const { smtpUrl } = config;
	if (!smtpUrl) return { deliverMailNow: () => {}, stop };
	// Made when mail is first delivered (a minute after start at the earliest): a start need not
	// load nodemailer's modules before its first answer.
	let transport: Promise<Transporter> | undefined;
	const deliver = every(
		config.mailIntervalSeconds * 1000,
		async () => {
			transport ??= import('nodemailer').then(({ default: nodemailer }) =>
				nodemailer.createTransport(smtpUrl)
			);
			await deliverDueMail(db, await transport, config.mailFrom);
		},
		'deliver mail'
	);
	return { deliverMailNow: () => void deliver(), stop };
}
