import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { deliverDueMail } from '../mail/mail.service.js';
import { refreshAllOccurrences } from '../offers/offers.service.js';

const HOUR = 60 * 60 * 1000;

/** In-process periodic jobs; each run is idempotent, so several app processes may run them. */
export function startJobs(db: Kysely<DB>, config: Config): void {
	const every = (ms: number, job: () => Promise<unknown>, name: string) =>
		setInterval(() => {
			job().catch((error: unknown) => console.error(`Job ${name} failed:`, error));
		}, ms).unref();
	every(6 * HOUR, () => refreshAllOccurrences(db), 'refresh occurrences');
	if (config.smtpUrl) {
		const transport = nodemailer.createTransport(config.smtpUrl);
		every(60_000, () => deliverDueMail(db, transport, config.mailFrom), 'deliver mail');
	}
}
