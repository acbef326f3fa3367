import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	from: string;
	to: string[];
	raw: string;
}

/**
 * A real SMTP receiver on a free local port that keeps what it is sent. Addresses put into
 * `rejected` are refused at RCPT TO (550), as a mail server refuses an unknown mailbox. After
 * `hold()` it answers no mail it is sent (a slow mail server) until `release()`; `held()` counts
 * the mails waiting for their answer.
 */
export async function startSmtpReceiver(port?: number): Promise<{
	port: number;
	received: ReceivedMail[];
	rejected: Set<string>;
	hold: () => void;
	release: () => void;
	held: () => number;
	stop: () => Promise<void>;
}> {
	const received: ReceivedMail[] = [];
	const rejected = new Set<string>();
	let gate: { opened: Promise<void>; open: () => void } | undefined;
	let waiting = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onRcptTo(address, _session, callback) {
			if (!rejected.has(address.address.toLowerCase())) return callback();
			const refusal = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
			callback(refusal);
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', async () => {
				const answered = gate?.opened;
				if (answered) {
					waiting++;
					await answered;
					waiting--;
				}
				received.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((recipient) => recipient.address),
					raw: Buffer.concat(chunks).toString('utf8')
				});
				callback();
			});
		}
	});
	const chosen = port ?? (await freePort());
	await new Promise<void>((resolve) => server.listen(chosen, '127.0.0.1', resolve));
	return {
		port: chosen,
		received,
		rejected,
		hold: () => {
			let open = () => {};
			const opened = new Promise<void>((resolve) => (open = resolve));
			gate = { opened, open };
		},
		release: () => {
			gate?.open();
			gate = undefined;
		},
		held: () => waiting,
		stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** The first mail to `to`, once it arrives (delivery runs in the background). */
export async function waitForMail(
	mailbox: { received: ReceivedMail[] },
	to: string,
	attempts = 100
): Promise<ReceivedMail> {
	for (let attempt = 0; attempt < attempts; attempt++) {
		const mail = mailbox.received.find((candidate) => candidate.to.includes(to));
		if (mail) return mail;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`No mail to ${to} arrived`);
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}
