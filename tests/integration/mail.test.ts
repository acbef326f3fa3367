import nodemailer from 'nodemailer';
import { afterAll, expect, it } from 'vitest';
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
