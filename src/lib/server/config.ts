import { resolve } from 'node:path';
import { z } from 'zod';
import { LOCALES, type Locale } from '../i18n/locales.js';
import { LOG_LEVELS } from '../shared/log/logger.js';

/** Every setting comes from the environment; README lists them. */
const localeList = z
	.string()
	.transform((value) =>
		value
			.split(',')
			.map((item) => item.trim())
			.filter(Boolean)
	)
	.pipe(z.array(z.enum(LOCALES)).min(1));

const environment = z.object({
	// PORT and ORIGIN are read by adapter-node; checked here so a wrong value stops the start clearly.
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	// Read by the logger itself (it logs before and without the app's configuration).
	LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
	DATA_DIR: z.string().default('./data'),
	DATABASE_URL: z.string().optional(),
	ORIGIN: z.string().url().optional(),
	DEFAULT_LOCALE: z.enum(LOCALES).default('de'),
	ENABLED_LOCALES: localeList.default([...LOCALES]),
	DEMO_CONTENT: z.enum(['true', 'false']).default('true'),
	CONTENT_DIR: z.string().default('./content'),
	SMTP_URL: z.string().url().optional(),
	DEMO_PASSWORD: z.string().min(12).default('kitz-demo-2026!'),
	MAIL_FROM: z.string().default('KITZ <kitz@localhost>'),
	MAIL_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
	FRESHNESS_REMINDER_MONTHS: z.coerce.number().int().min(1).max(60).default(6),
	FRESHNESS_OUTDATED_MONTHS: z.coerce.number().int().min(1).max(60).default(2),
	BACKUP_DIR: z.string().optional(),
	BACKUP_INTERVAL_HOURS: z.coerce.number().min(0).max(8760).default(24),
	BACKUP_KEEP: z.coerce.number().int().min(1).optional(),
	PAGE_CACHE_MB: z.coerce.number().min(0).max(4096).default(32)
});

/** Backups are kept 30 days by default, as long as an erasure takes to be complete. */
const BACKUP_RETENTION_HOURS = 30 * 24;

export interface Config {
	dataDir: string;
	databaseUrl: string;
	defaultLocale: Locale;
	enabledLocales: Locale[];
	/** Seed the demo districts' offers into an empty database. */
	demoContent: boolean;
	/** Reference data (districts, places) and demo content. */
	contentDir: string;
	/** Where mail goes (`smtp://user:pass@host:port`); without it mail waits in the outbox. */
	smtpUrl: string | undefined;
	/** Password of the demo accounts (demo mode only). */
	demoPassword: string;
	mailFrom: string;
	/** How often each app process looks for due mail (besides right after queuing some). */
	mailIntervalSeconds: number;
	/** The public address links in mail point to (ORIGIN, else `http://localhost:$PORT`). */
	origin: string;
	/** Months after the last verification until the owner is asked to confirm an offer. */
	freshnessReminderMonths: number;
	/** Months after that reminder until the portal marks the offer as possibly outdated. */
	freshnessOutdatedMonths: number;
	/** Where backups are written and pruned. */
	backupDir: string;
	/** Hours between scheduled backups; 0 turns them off. */
	backupIntervalHours: number;
	/** How many of the newest backups are kept; older ones are deleted after each backup. */
	backupKeep: number;
	/** Bytes of rendered portal pages kept per process (PAGE_CACHE_MB); 0 turns the cache off. */
	pageCacheBytes: number;
}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
	// An empty variable means "not set", as in most deployment tools.
	const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
	const parsed = environment.safeParse(set);
	if (!parsed.success) {
		const problems = parsed.error.issues.map(
			(issue) => `${issue.path.join('.')}: ${issue.message}`
		);
		throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
	}
	const value = parsed.data;
	const enabledLocales = value.ENABLED_LOCALES.includes(value.DEFAULT_LOCALE)
		? value.ENABLED_LOCALES
		: [value.DEFAULT_LOCALE, ...value.ENABLED_LOCALES];
	return {
		dataDir: resolve(value.DATA_DIR),
		databaseUrl: value.DATABASE_URL ?? `sqlite://${resolve(value.DATA_DIR, 'kitz.sqlite')}`,
		defaultLocale: value.DEFAULT_LOCALE,
		enabledLocales,
		demoContent: value.DEMO_CONTENT === 'true',
		contentDir: resolve(value.CONTENT_DIR),
		smtpUrl: value.SMTP_URL,
		demoPassword: value.DEMO_PASSWORD,
		mailFrom: value.MAIL_FROM,
		mailIntervalSeconds: value.MAIL_INTERVAL_SECONDS,
		origin: (value.ORIGIN ?? `http://localhost:${value.PORT}`).replace(/\/+$/, ''),
		freshnessReminderMonths: value.FRESHNESS_REMINDER_MONTHS,
		freshnessOutdatedMonths: value.FRESHNESS_OUTDATED_MONTHS,
		backupDir: resolve(value.BACKUP_DIR ?? resolve(value.DATA_DIR, 'backups')),
		backupIntervalHours: value.BACKUP_INTERVAL_HOURS,
		backupKeep:
			value.BACKUP_KEEP ??
			(value.BACKUP_INTERVAL_HOURS > 0
				? Math.ceil(BACKUP_RETENTION_HOURS / value.BACKUP_INTERVAL_HOURS)
				: 30),
		pageCacheBytes: Math.round(value.PAGE_CACHE_MB * 1024 * 1024)
	};
}
