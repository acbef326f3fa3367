import nodemailer from 'nodemailer';
import { afterAll, expect, it, vi } from 'vitest';
import {
	deliverDueMail,
	queueMail,
	undeliveredMail
} from '../../src/lib/server/mail/mail.service.js';
import { describeEachDialect } from '../support/databases.js';
import { startSmtpReceiver } from '../support/smtp.js';

const FROM = 'KITZ <kitz@example.org>';
const transportTo = (port: number) =>
	nodemailer.createTransport({
		host: '127.0.0.1',
		port,
		secure: false,
		ignoreTLS: true,
		connectionTimeout: 2000
	});
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const stop of stops) await stop();
});

// Each test drains or counts the whole outbox (`deliverDueMail`, `undeliveredMail`): own database each.
describeEachDialect(
	'mail outbox',
	({ database }) => {
		it('delivers queued mail through SMTP', async () => {
			const receiver = await startSmtpReceiver();
			stops.push(receiver.stop);
			const transport = transportTo(receiver.port);
			await queueMail(database().db, {
				to: 'partner@example.org',
				subject: 'Einladung zur KITZ',
				text: 'Willkommen!'
			});
			expect(await deliverDueMail(database().db, transport, FROM)).toEqual({ sent: 1, failed: 0 });
			expect(receiver.received).toHaveLength(1);
			expect(receiver.received[0]!.to).toEqual(['partner@example.org']);
			expect(receiver.received[0]!.raw).toContain('Subject: Einladung zur KITZ');
			expect(await undeliveredMail(database().db)).toEqual([]);
			// Delivered mail is not sent twice.
			expect(await deliverDueMail(database().db, transport, FROM)).toEqual({ sent: 0, failed: 0 });
		});

		it('keeps mail that cannot be sent, shows the error and retries it later', async () => {
			const receiver = await startSmtpReceiver();
			const port = receiver.port;
			await receiver.stop();
			const transport = transportTo(port);
			const now = new Date('2026-12-01T10:00:00Z');
			await queueMail(
				database().db,
				{ to: 'coordinator@example.org', subject: 'Erinnerung', text: 'Bitte prüfen.' },
				now
			);
			expect(await deliverDueMail(database().db, transport, FROM, () => now)).toEqual({
				sent: 0,
				failed: 1
			});
			const [waiting] = await undeliveredMail(database().db);
			expect(waiting).toMatchObject({ toAddress: 'coordinator@example.org', attempts: 1 });
			expect(waiting!.lastError).toBeTruthy();
			expect(waiting!.nextAttemptAt).toBe('2026-12-01T10:01:00.000Z');
			// Not due yet: nothing is attempted.
			expect(
				await deliverDueMail(database().db, transport, FROM, () => new Date('2026-12-01T10:00:30Z'))
			).toEqual({ sent: 0, failed: 0 });

			const again = await startSmtpReceiver(port);
			stops.push(again.stop);
			expect(
				await deliverDueMail(database().db, transport, FROM, () => new Date('2026-12-01T10:02:00Z'))
			).toEqual({ sent: 1, failed: 0 });
			expect(again.received[0]!.raw).toContain('Bitte pr');
			expect(await undeliveredMail(database().db)).toEqual([]);
		});

		it('sends a mail once when two app processes deliver at the same time', async () => {
			const receiver = await startSmtpReceiver();
			stops.push(receiver.stop);
			const transport = transportTo(receiver.port);
			await queueMail(database().db, {
				to: 'once@example.org',
				subject: 'Nur einmal',
				text: 'Hallo'
			});
			const results = await Promise.all([
				deliverDueMail(database().db, transport, FROM),
				deliverDueMail(database().db, transport, FROM)
			]);
			expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(1);
			expect(receiver.received.filter((mail) => mail.to.includes('once@example.org'))).toHaveLength(
				1
			);
		});

		it('does not send a mail another process claimed while that one is still sending it', async () => {
			const db = database().db;
			const slow = await startSmtpReceiver();
			const other = await startSmtpReceiver();
			stops.push(slow.stop, other.stop);
			const start = new Date('2026-12-01T10:00:00Z');
			for (const to of ['first@example.org', 'second@example.org'])
				await queueMail(db, { to, subject: 'Nur einmal', text: 'Hallo' }, start);
			let clockA = start;
			slow.hold();
			const runA = deliverDueMail(db, transportTo(slow.port), FROM, () => clockA);
			await vi.waitFor(() => expect(slow.held()).toBe(1), { timeout: 15_000 });
			// A's mail server took 12 minutes for the first mail and is slow again with the second.
			clockA = new Date('2026-12-01T10:12:00Z');
			slow.release();
			slow.hold();
			await vi.waitFor(
				() =>
					expect({ held: slow.held(), received: slow.received.length }).toEqual({
						held: 1,
						received: 1
					}),
				{ timeout: 15_000 }
			);
			const runB = deliverDueMail(
				db,
				transportTo(other.port),
				FROM,
				() => new Date('2026-12-01T10:13:00Z')
			);
			expect(await runB).toEqual({ sent: 0, failed: 0 });
			slow.release();
			expect(await runA).toEqual({ sent: 2, failed: 0 });
			expect(other.received).toEqual([]);
			expect(slow.received.map((mail) => mail.to)).toEqual([
				['first@example.org'],
				['second@example.org']
			]);
		});

		it('sends a failed mail again with the Message-ID of its first attempt', async () => {
			const db = database().db;
			const closed = await startSmtpReceiver();
			await closed.stop();
			const receiver = await startSmtpReceiver();
			stops.push(receiver.stop);
			const start = new Date('2026-12-01T10:00:00Z');
			const id = await queueMail(
				db,
				{ to: 'retry@example.org', subject: 'Noch einmal', text: 'Hallo' },
				start
			);
			expect(await deliverDueMail(db, transportTo(closed.port), FROM, () => start)).toEqual({
				sent: 0,
				failed: 1
			});
			const [failed] = await undeliveredMail(db);
			expect(failed!.messageId).toMatch(new RegExp(`^<${id}\\.[0-9a-f]{16}@example\\.org>$`));
			expect(
				await deliverDueMail(
					db,
					transportTo(receiver.port),
					FROM,
					() => new Date('2026-12-01T10:02:00Z')
				)
			).toEqual({ sent: 1, failed: 0 });
			expect(receiver.received[0]!.raw).toContain(`Message-ID: ${failed!.messageId}\r\n`);
		});

		it('refuses a malformed address before anything is stored', async () => {
			await expect(
				queueMail(database().db, { to: 'not an address', subject: 'x', text: 'y' })
			).rejects.toThrow();
			expect(await undeliveredMail(database().db)).toEqual([]);
		});
	},
	undefined,
	{ isolation: 'test' }
);
