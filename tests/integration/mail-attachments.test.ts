import nodemailer from 'nodemailer';
import { afterAll, expect, it } from 'vitest';
import { deliverDueMail, queueMail } from '../../src/lib/server/mail/mail.service.js';
import { describeEachDialect } from '../support/databases.js';
import { mimeParts } from '../support/mime.js';
import { startSmtpReceiver } from '../support/smtp.js';

const FROM = 'KITZ <kitz@example.org>';
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const stop of stops) await stop();
});

const EVENT = [
	'BEGIN:VCALENDAR',
	'VERSION:2.0',
	'METHOD:REQUEST',
	'BEGIN:VEVENT',
	'UID:meeting-1@kitz.example',
	'SUMMARY:Netzwerktreffen Sprache – Übersicht',
	'END:VEVENT',
	'END:VCALENDAR'
].join('\r\n');

describeEachDialect('mail attachments', ({ database }) => {
	it('sends a stored invitation as text/calendar with its method, and other files as attachments', async () => {
		const receiver = await startSmtpReceiver();
		stops.push(receiver.stop);
		const transport = nodemailer.createTransport({
			host: '127.0.0.1',
			port: receiver.port,
			secure: false,
			ignoreTLS: true
		});
		await queueMail(database().db, {
			to: 'member@example.org',
			subject: 'Einladung',
			text: 'Bitte antworten Sie über den Link.',
			attachments: [
				{
					filename: 'einladung.ics',
					contentType: 'text/calendar',
					content: EVENT,
					method: 'REQUEST'
				},
				{ filename: 'agenda.txt', contentType: 'text/plain', content: 'TOP 1' }
			]
		});
		expect(await deliverDueMail(database().db, transport, FROM)).toEqual({ sent: 1, failed: 0 });
		const parts = mimeParts(receiver.received[0]!.raw);
		const calendar = parts.find((part) =>
			part.headers['content-type']?.startsWith('text/calendar')
		);
		expect(calendar?.headers['content-type']).toContain('method=REQUEST');
		expect(calendar?.body).toContain('SUMMARY:Netzwerktreffen Sprache – Übersicht');
		const file = parts.find((part) =>
			part.headers['content-disposition']?.includes('einladung.ics')
		);
		expect(file?.body).toContain('UID:meeting-1@kitz.example');
		expect(
			parts.find((part) => part.headers['content-disposition']?.includes('agenda.txt'))?.body
		).toBe('TOP 1');
		expect(
			parts.find(
				(part) =>
					part.headers['content-type']?.startsWith('text/plain') &&
					!part.headers['content-disposition']
			)?.body
		).toContain('Bitte antworten');
	});

	it('refuses an attachment with a path-like file name', async () => {
		await expect(
			queueMail(database().db, {
				to: 'member@example.org',
				subject: 'x',
				text: 'y',
				attachments: [{ filename: '../etc/passwd', contentType: 'text/plain', content: '' }]
			})
		).rejects.toThrow();
	});
});
