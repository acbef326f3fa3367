import { connect, createServer, type Server } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { readConfig } from '../../src/lib/server/config.js';
import { startJobs } from '../../src/lib/server/jobs/scheduler.js';
import { queueMail } from '../../src/lib/server/mail/mail.service.js';
import { describeEachDialect } from '../support/databases.js';
import { startSmtpReceiver } from '../support/smtp.js';

const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const stop of stops) await stop();
});

/** Passes SMTP connections on to `port` only once released, so a delivery stays under way. */
async function heldRelay(port: number) {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	let connected!: () => void;
	const connection = new Promise<void>((resolve) => (connected = resolve));
	const relay: Server = createServer((socket) => {
		connected();
		void released.then(() => socket.pipe(connect(port, '127.0.0.1')).pipe(socket));
	});
	await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
	stops.push(() => new Promise((resolve) => relay.close(() => resolve())));
	const address = relay.address();
	if (!address || typeof address === 'string') throw new Error('no port');
	return { port: address.port, connection, release };
}

describeEachDialect('stopping the jobs', ({ database }) => {
	it('waits for the delivery under way to finish', async () => {
		const receiver = await startSmtpReceiver();
		stops.push(receiver.stop);
		const relay = await heldRelay(receiver.port);
		const jobs = startJobs(
			database().db,
			readConfig({ SMTP_URL: `smtp://127.0.0.1:${relay.port}`, DEMO_CONTENT: 'false' })
		);
		await queueMail(database().db, { to: 'a@example.org', subject: 'Hallo', text: 'Text' });
		jobs.deliverMailNow();
		await relay.connection;
		let stopped = false;
		const stopping = jobs.stop().then(() => (stopped = true));
		await new Promise((resolve) => setImmediate(resolve));
		expect(stopped).toBe(false);
		relay.release();
		await stopping;
		expect(receiver.received.map((mail) => mail.to)).toEqual([['a@example.org']]);
	});
});
