import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { createTestAccount } from '../factories/account.factory.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { createTestContact } from '../factories/contact.factory.js';
import { createTestMeeting } from '../factories/meeting.factory.js';
import { createTestNetwork } from '../factories/network.factory.js';
import { launchBrowser, recordingContext } from '../support/browser.js';
import { clickAndLoad as click, expectAccessible, logIn } from '../support/office.js';
import { startSmtpReceiver, type ReceivedMail } from '../support/smtp.js';
import { demoDistrict } from '../support/demo.js';

const baseUrl = e2eApp().baseUrl;
const COORDINATOR = { email: 'ines.invite@kitz.example', password: 'Ines lange Passphrase' };
const REACHED = { name: 'Rita Erreicht', email: 'rita.erreicht@e2e.example' };
const BOUNCED = { name: 'Bruno Abgewiesen', email: 'bruno.abgewiesen@e2e.example' };
// Some weeks ahead, so invitations can still go out whenever the test runs.
const meetingDay = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
let browser: Browser;
let mailbox: { received: ReceivedMail[]; rejected: Set<string>; stop: () => Promise<void> };
let meetingId = 0;

beforeAll(async () => {
	mailbox = await startSmtpReceiver(e2eApp().smtpPort);
	browser = await launchBrowser();
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const db = database.db;
		const district = await demoDistrict(db);
		await createTestAccount(db, {
			districtId: district.id,
			email: COORDINATOR.email,
			name: 'Ines Invite',
			role: 'coordinator',
			password: COORDINATOR.password
		});
		const members = [];
		for (const person of [REACHED, BOUNCED])
			members.push({
				contactId: await createTestContact(db, { districtId: district.id, ...person })
			});
		const networkId = await createTestNetwork(db, {
			districtId: district.id,
			name: 'Netzwerk Versand',
			members
		});
		meetingId = (
			await createTestMeeting(db, {
				networkId,
				title: 'Treffen mit Versandkontrolle',
				startsAt: `${meetingDay}T10:00`,
				endsAt: `${meetingDay}T12:00`
			})
		).id;
	} finally {
		await database.close();
	}
});
afterAll(async () => {
	await browser.close();
	await mailbox.stop();
});

/** The mail state shown for a person, once it matches: delivery runs in the background. */
async function waitForState(page: Page, name: string, expected: RegExp): Promise<string> {
	let state = '';
	for (let attempt = 0; attempt < 150; attempt++) {
		await page.reload();
		state = await page
			.locator('section.invitation-status tr', { hasText: name })
			.locator('td')
			.last()
			.innerText();
		if (expected.test(state)) return state;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`The mail state of ${name} stayed "${state}"`);
}

describe('a coordinator checks that the invitations went out', () => {
	it('sees one sent and one refused invitation, retries the refused one, and it goes out', async () => {
		mailbox.rejected.add(BOUNCED.email);
		const { context } = await recordingContext(browser);
		const page = await context.newPage();
		await logIn(page, baseUrl, COORDINATOR);
		await page.goto(`${baseUrl}/de/office/meetings/${meetingId}`);
		await click(page, 'form[action="?/invite"] button');

		expect(await waitForState(page, REACHED.name, /Verschickt am/)).toMatch(/Uhr$/);
		const refused = await waitForState(page, BOUNCED.name, /Nicht zugestellt/);
		expect(refused).toContain('550');
		await expectAccessible(page);

		mailbox.rejected.clear();
		await click(
			page,
			`section.invitation-status tr:has-text("${BOUNCED.name}") form[action="?/retryMail"] button`
		);
		expect(await page.locator('[role=status]').innerText()).toContain(
			'wieder in der Warteschlange'
		);
		await waitForState(page, BOUNCED.name, /Verschickt am/);
		expect(mailbox.received.some((mail) => mail.to.includes(BOUNCED.email))).toBe(true);
		await context.close();
	});
});
