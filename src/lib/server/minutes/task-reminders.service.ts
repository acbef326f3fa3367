import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB, Db } from '../db/schema.js';
import { formatShortDate } from '../../format.js';
import { translator } from '../../i18n/messages.js';
import { queueMail } from '../mail/mail.service.js';
import { staffMail } from '../mail/staff-mail.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { addDays } from '../../shared/time/wall-clock.js';
import {
	findOrganisationEmail,
	findPartnerEditorAddresses,
	findReachableContactEmail
} from './task-owners.repository.js';
import { claimTaskReminder, findTasksDueBy, type TaskRow } from './tasks.repository.js';
import { isOverdue } from './tasks.service.js';

/** Owners hear of a task this many days before it is due, once per due date. */
export const REMINDER_DAYS = 3;

const address = z.string().trim().email().max(200);

/**
 * Reminded for the current due date: the last reminder went out once the reminder window of
 * that date had opened. A task whose date moves later is reminded again in its new window.
 */
function remindedForDueDate(row: TaskRow): boolean {
	if (!row.remindedAt || !row.dueOn) return false;
	return berlinToday(new Date(row.remindedAt)) >= addDays(row.dueOn, -REMINDER_DAYS);
}

/** A person owner who may be mailed, or the partner editors of the owning organisation (else its address). */
async function recipients(db: Db, row: TaskRow, today: string): Promise<string[]> {
	let candidates: (string | null)[] = [];
	if (row.ownerContactId)
		candidates = [await findReachableContactEmail(db, row.ownerContactId, row.networkId, today)];
	else if (row.ownerOrganisationId) {
		const editors = await findPartnerEditorAddresses(db, row.ownerOrganisationId);
		candidates = editors.length
			? editors
			: [await findOrganisationEmail(db, row.ownerOrganisationId)];
	}
	return [
		...new Set(
			candidates
				.map((candidate) => candidate?.trim().toLowerCase() ?? '')
				.filter((candidate) => address.safeParse(candidate).success)
		)
	];
}

/**
 * Mails the owners of open tasks and planned offers due within REMINDER_DAYS days or overdue,
 * once per task and due date. Idempotent and safe from several processes; tasks without anyone
 * to mail are skipped and tried again at the next run.
 */
export async function sendTaskReminders(
	db: Kysely<DB>,
	config: { origin: string },
	now = new Date()
): Promise<{ reminded: number; skipped: number }> {
	const today = berlinToday(now);
	const due = (await findTasksDueBy(db, addDays(today, REMINDER_DAYS))).filter(
		(row) => !remindedForDueDate(row)
	);
	let reminded = 0;
	let skipped = 0;
	for (const row of due) {
		const to = await recipients(db, row, today);
		if (!to.length) {
			skipped++;
			continue;
		}
		const overdue = isOverdue(row, today);
		const mail = staffMail(
			'mail.taskReminder',
			(locale) => {
				const t = translator(locale);
				const date = formatShortDate(locale, row.dueOn!);
				return {
					title: row.title,
					network: row.networkName ?? t('office.task.noNetwork'),
					due: t(overdue ? 'mail.taskReminder.overdue' : 'mail.taskReminder.dueOn', { date }),
					owner:
						row.ownerOrganisationName ??
						(row.ownerContactAnonymisedAt
							? t('office.minutes.formerParticipant')
							: (row.ownerContactName ?? '')),
					board: `${config.origin}/${locale}/office/board${row.networkId ? `?network=${row.networkId}` : ''}`
				};
			},
			` – ${row.title}`
		);
		const sent = await db.transaction().execute(async (trx) => {
			if (!(await claimTaskReminder(trx, row.id, row.remindedAt, now.toISOString()))) return false;
			for (const recipient of to) await queueMail(trx, { to: recipient, ...mail }, now);
			return true;
		});
		if (sent) reminded++;
	}
	return { reminded, skipped };
}
