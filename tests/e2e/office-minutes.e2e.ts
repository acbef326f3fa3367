import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { createTestAccount } from '../factories/account.factory.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { createTestContact } from '../factories/contact.factory.js';
import { createTestMeeting } from '../factories/meeting.factory.js';
import { createTestNetwork } from '../factories/network.factory.js';
import { downloadedBytes, launchBrowser, recordingContext } from '../support/browser.js';
import { clickAndLoad as click, expectAccessible, logIn } from '../support/office.js';
import { docxText } from '../support/documents.js';
import { startSmtpReceiver, waitForMail, type ReceivedMail } from '../support/smtp.js';
import { demoDistrict, demoOrganisation } from '../support/demo.js';

const baseUrl = e2eApp().baseUrl;
const COORDINATOR = { email: 'mona.minutes@kitz.example', password: 'Monas Protokoll-Passphrase' };
const MEMBER = 'jana.mitglied@example.org';
const MINUTES =
	'Die Volkshochschule berichtet über **größere Räume**.\n\n- Kinderbetreuung\n- Fahrtkosten aus Süderbrarup';
const DECISION = 'Das Netzwerk beantragt Mittel für einen Frauenkurs (Straßenfest).';
const TASK = 'Raumplan für den Frauenkurs erstellen';
// Yesterday in Berlin: the new task is overdue on the board at once.
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
let browser: Browser;
let mailbox: { received: ReceivedMail[]; stop: () => Promise<void> };
let meetingId = 0;
let networkId = 0;

beforeAll(async () => {
	mailbox = await startSmtpReceiver(e2eApp().smtpPort);
	browser = await launchBrowser();
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const db = database.db;
		const district = await demoDistrict(db);
		const vhs = await demoOrganisation(db, 'Volkshochschule Kappeln');
		await createTestAccount(db, {
			districtId: district.id,
			email: COORDINATOR.email,
			name: 'Mona Minutes',
			role: 'coordinator',
			password: COORDINATOR.password
		});
		const jana = await createTestContact(db, {
			districtId: district.id,
			name: 'Jana Mitglied',
			email: MEMBER
		});
		const gone = await createTestContact(db, {
			districtId: district.id,
			name: 'X',
			anonymised: true
		});
		networkId = await createTestNetwork(db, {
			districtId: district.id,
			name: 'Netzwerk Sprache Schlei',
			actionFields: ['language', 'women'],
			members: [{ organisationId: vhs.id }, { contactId: jana }]
		});
		meetingId = (
			await createTestMeeting(db, {
				networkId,
				title: 'Netzwerktreffen Frühjahr',
				startsAt: '2026-03-03T15:00',
				endsAt: '2026-03-03T17:00',
				agenda: ['Begrüßung', 'Sprachkurse für Frauen'],
				invitees: [
					{ contactId: jana, attendance: 'present' },
					{ contactId: gone, attendance: 'excused' }
				]
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

describe('a coordinator keeps the minutes of a network meeting', () => {
	it('writes minutes, a decision and a task, releases them, downloads the DOCX, finds the task on the board', async () => {
		const { context, consoleErrors } = await recordingContext(browser);
		const page = await context.newPage();
		await logIn(page, baseUrl, COORDINATOR);

		const minutesUrl = `${baseUrl}/de/office/meetings/${meetingId}/minutes`;
		await page.goto(minutesUrl);
		expect(await page.locator('h1').innerText()).toBe('Protokoll: Netzwerktreffen Frühjahr');
		expect(await page.locator('main').innerText()).toContain(
			'Ehemalige Teilnehmerin / ehemaliger Teilnehmer'
		);
		await expectAccessible(page);

		// Minutes of the second agenda item, in Markdown.
		const items = page.locator('.minutes-item');
		const second = items.nth(1);
		await second.locator('textarea').fill(MINUTES);
		await Promise.all([page.waitForEvent('load'), second.locator('button[type=submit]').click()]);
		expect(await page.locator('[role=status]').innerText()).toContain('Gespeichert');
		expect(await page.locator('.minutes-item').nth(1).locator('textarea').inputValue()).toBe(
			MINUTES
		);

		// A decision on that item.
		await page.fill('#decisionText', DECISION);
		await page.selectOption('#decisionItem', { label: '2. Sprachkurse für Frauen' });
		await click(page, 'form[action="?/addDecision"] button[type=submit]');
		expect(await page.locator('.minutes-item').nth(1).innerText()).toContain(DECISION);

		// A task: first without title and owner, each problem named, what was typed kept.
		await page.fill('#task-dueOn', yesterday);
		await click(page, 'form[action="?/addTask"] button[type=submit]');
		const alert = await page.locator('[role=alert]').innerText();
		expect(alert).toContain('Bitte einen Titel eingeben.');
		expect(alert).toContain('Bitte eine verantwortliche Organisation oder Person');
		expect(await page.inputValue('#task-dueOn')).toBe(yesterday);
		await expectAccessible(page);
		await page.fill('#task-title', TASK);
		await page.selectOption('#task-agendaItemId', { label: '2. Sprachkurse für Frauen' });
		await page.selectOption('#task-owner', { label: 'Volkshochschule Kappeln' });
		await page.selectOption('#task-actionField', 'women');
		await click(page, 'form[action="?/addTask"] button[type=submit]');
		expect(await page.locator('[role=status]').innerText()).toContain('Angelegt');
		expect(await page.locator('.minutes-item').nth(1).locator('table.tasks').innerText()).toContain(
			TASK
		);

		// Release, confirmed; the member gets both documents.
		await page.check('form[action="?/release"] input[name=confirm]');
		await click(page, 'form[action="?/release"] button[type=submit]');
		expect(await page.locator('[role=status]').innerText()).toContain('freigegeben');
		expect(await page.locator('.minutes-item').nth(1).locator('.prose strong').innerText()).toBe(
			'größere Räume'
		);
		expect(await page.locator('form[action="?/save"]').count()).toBe(0);
		await expectAccessible(page);
		const mail = await waitForMail(mailbox, MEMBER);
		expect(mail.raw).toMatch(/filename="?protokoll-2026-03-03-\d+\.pdf/);
		expect(mail.raw).toMatch(/filename="?protokoll-2026-03-03-\d+\.docx/);

		// The DOCX downloads in the browser and opens.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.click(`a[href$="/meetings/${meetingId}/minutes.docx"]`)
		]);
		expect(download.suggestedFilename()).toBe(`protokoll-2026-03-03-${meetingId}.docx`);
		const { text } = await docxText(await downloadedBytes(download));
		for (const expected of [
			'Protokoll: Netzwerktreffen Frühjahr',
			'Netzwerk Sprache Schlei',
			'2. Sprachkurse für Frauen',
			'größere Räume',
			'Fahrtkosten aus Süderbrarup',
			DECISION,
			TASK
		])
			expect(text).toContain(expected);

		// The task is on the joint planning board, overdue in words, and filters are shareable.
		await click(page, 'nav.office-nav a[href$="/office/board"]');
		const row = page.locator('table.tasks tr', { hasText: TASK });
		expect(await row.innerText()).toContain('überfällig');
		await expectAccessible(page);
		await page.selectOption('#network', String(networkId));
		await page.selectOption('#actionField', 'women');
		await click(page, 'form.board-filters button[type=submit]');
		expect(page.url()).toContain(`network=${networkId}`);
		expect(page.url()).toContain('actionField=women');
		expect(page.url()).toContain('status=active');
		expect(await page.inputValue('#status')).toBe('active');
		expect(await page.locator('table.tasks tbody tr').count()).toBe(1);
		// Marked done from the board, it leaves the list of open items; the filters stay.
		await page.selectOption(`table.tasks tbody tr select`, 'done');
		await click(page, 'table.tasks tbody tr form button[type=submit]');
		expect(page.url()).toContain(`network=${networkId}`);
		expect(await page.locator('[role=status]').innerText()).toContain('Stand ist geändert');
		expect(await page.locator('table.tasks').count()).toBe(0);
		await expectAccessible(page);
		// The one 400 is the invalid task form's answer; nothing else (no CSP violation) is logged.
		expect(consoleErrors).toEqual([
			'Failed to load resource: the server responded with a status of 400 (Bad Request)'
		]);
		await context.close();
	});
});
