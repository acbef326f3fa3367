import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Transporter } from 'nodemailer';
import { z } from 'zod';
import type { DB, Db } from '../db/schema.js';
import {
	claimMail,
	findDueMail,
	findUndelivered,
	insertMail,
	markFailed,
	markSent,
	requeueFailedMail
} from './mail.repository.js';

/**
 * A file sent with a mail. A `text/calendar` file with a `method` (REQUEST, CANCEL) goes out as
 * an iCalendar invitation mail clients offer to accept, not only as a file.
 */
export interface MailAttachment {
	filename: string;
	contentType: string;
	content: string;
	/** `base64` for binary files (DOCX, PDF): `content` is then their base64 text. */
	encoding?: 'base64';
	method?: string;
}

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
	attachments?: MailAttachment[];
}

const attachmentSchema = z.object({
	filename: z.string().regex(/^[\w.-]{1,100}$/),
	contentType: z.string().min(1).max(100),
	content: z.string().max(1_000_000),
	encoding: z.literal('base64').optional(),
	method: z.enum(['REQUEST', 'CANCEL', 'PUBLISH']).optional()
});

const messageSchema = z.object({
	to: z.string().trim().email().max(200),
	subject: z.string().trim().min(1).max(300),
	text: z.string().min(1).max(100_000),
	attachments: z.array(attachmentSchema).max(5).optional()
});

// Waits after the 1st, 2nd, … failed attempt; the last one repeats, so a mail is never given up.
const RETRY_MINUTES = [1, 5, 30, 120, 720, 1440];

/** Stores a mail for delivery; pass the caller's transaction so the mail exists only if its cause does. */
export async function queueMail(db: Db, message: MailMessage, now = new Date()): Promise<number> {
	const mail = messageSchema.parse(message);
	return insertMail(db, {
		toAddress: mail.to,
		subject: mail.subject,
		textBody: mail.text,
		attachments: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
		createdAt: now.toISOString()
	});
}

// A mail is claimed for this long right before it is sent; its send is given up well before.
const CLAIM_MS = 10 * 60_000;
const SEND_TIMEOUT_MS = 5 * 60_000;

/**
 * Sends what is due, each mail claimed on its own right before it is sent, so other app
 * processes may deliver at the same time and a slow mail server never lets one of them take a
 * mail this one is still sending. Delivery is at least once: a mail whose sending was cut off
 * (a lost answer, a crash) goes out again, with the same Message-ID, so receivers can drop the
 * copy. Each failure is recorded with the next attempt time. `clock` is for tests.
 */
export async function deliverDueMail(
	db: Kysely<DB>,
	transport: Transporter,
	from: string,
	clock: () => Date = () => new Date()
): Promise<{ sent: number; failed: number }> {
	const due = await findDueMail(db, clock().toISOString(), 50);
	const host = messageIdHost(from);
	let sent = 0;
	let failed = 0;
	for (const mail of due) {
		const claimedAt = clock().getTime();
		const messageId = await claimMail(db, {
			id: mail.id,
			dueAt: mail.nextAttemptAt,
			leaseUntil: new Date(claimedAt + CLAIM_MS).toISOString(),
			messageId: `<${mail.id}.${randomBytes(8).toString('hex')}@${host}>`
		});
		if (!messageId) continue;
		try {
			await transport.sendMail({
				from,
				to: mail.toAddress,
				subject: mail.subject,
				text: mail.textBody,
				messageId,
				signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
				...attachmentsFor(mail.attachments)
			});
			await markSent(db, mail.id, clock().toISOString());
			sent++;
		} catch (error) {
			const wait = RETRY_MINUTES[Math.min(mail.attempts, RETRY_MINUTES.length - 1)]!;
			const message = error instanceof Error ? error.message : String(error);
			await markFailed(
				db,
				mail.id,
				message.slice(0, 500),
				new Date(clock().getTime() + wait * 60_000).toISOString()
			);
			failed++;
		}
	}
	return { sent, failed };
}

/** The domain of the sender's address (`KITZ <kitz@example.org>` → example.org) names our Message-IDs. */
function messageIdHost(from: string): string {
	return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}

/** Nodemailer's fields for stored attachments: the first invitation as `icalEvent`, the rest as files. */
function attachmentsFor(stored: string | null) {
	if (!stored) return {};
	const files = z.array(attachmentSchema).parse(JSON.parse(stored));
	const invitation = files.find(
		(file) => file.method && file.contentType.startsWith('text/calendar')
	);
	const others = files.filter((file) => file !== invitation);
	return {
		...(invitation
			? {
					icalEvent: {
						filename: invitation.filename,
						method: invitation.method,
						content: invitation.content
					}
				}
			: {}),
		...(others.length
			? {
					attachments: others.map((file) => ({
						filename: file.filename,
						contentType: file.contentType,
						content: file.content,
						...(file.encoding ? { encoding: file.encoding } : {})
					}))
				}
			: {})
	};
}

/** Mail not yet delivered, with the last error, for administrators. */
export function undeliveredMail(db: Db) {
	return findUndelivered(db);
}

/** Puts a mail whose delivery failed back in the queue, due now; false if it had not failed. */
export function retryFailedMail(db: Db, mailId: number, now = new Date()): Promise<boolean> {
	return requeueFailedMail(db, mailId, now.toISOString());
}
