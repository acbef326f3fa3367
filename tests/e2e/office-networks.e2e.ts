import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDistrict } from '../support/demo.js';
import { e2eApp } from '../support/e2e-app.js';
import { createTestAccount } from '../factories/account.factory.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { createTestContact } from '../factories/contact.factory.js';
import { downloadedBytes, launchBrowser, recordingContext } from '../support/browser.js';
import { clickAndLoad as click, expectAccessible, logIn } from '../support/office.js';
import { docxText } from '../support/documents.js';
import { parseIcs } from '../support/ics.js';
import { mimeParts } from '../support/mime.js';
import { startSmtpReceiver, waitForMail, type ReceivedMail } from '../support/smtp.js';

const baseUrl = e2eApp().baseUrl;
const COORDINATOR = { email: 'nora.netzwerk@kitz.example', password: 'Noras lange Passphrase' };
const MEMBER = { name: 'Mira Mitglied', email: 'mira.mitglied@e2e.example' };
const NETWORK = 'Netzwerk Sprache Angeln';
let browser: Browser;
let mailbox: { received: ReceivedMail[]; stop: () => Promise<void> };
let memberContactId = 0;
// A weekday some weeks ahead, so the meeting is always in the future.
const meetingDay = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
	mailbox = await startSmtpReceiver(e2eApp().smtpPort);
	browser = await launchBrowser();
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const district = await demoDistrict(database.db);
		await createTestAccount(database.db, {
			districtId: district.id,
			email: COORDINATOR.email,
			name: 'Nora Netzwerk',
			role: 'coordinator',
			password: COORDINATOR.password
		});
		// A person of the contact directory who becomes a member and is invited.
		memberContactId = await createTestContact(database.db, {
			districtId: district.id,
			name: MEMBER.name,
			roleTitle: 'Sprachlehrerin',
			email: MEMBER.email
		});
	} finally {
		await database.close();
	}
});
afterAll(async () => {
	await browser.close();
	await mailbox.stop();
});

/** The meeting took place yesterday, same hours (the app reads start times from the database). */
async function moveMeetingToYesterday(meetingId: number): Promise<void> {
	const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const meeting = await database.db
			.selectFrom('meetings')
			.select(['startsAt', 'endsAt'])
			.where('id', '=', meetingId)
			.executeTakeFirstOrThrow();
		await database.db
			.updateTable('meetings')
			.set({
				startsAt: yesterday + meeting.startsAt.slice(10),
				endsAt: yesterday + meeting.endsAt.slice(10)
			})
			.where('id', '=', meetingId)
			.execute();
	} finally {
		await database.close();
	}
}

describe('a coordinator runs a network meeting', () => {
	it('network → members → meeting with agenda → invitation → RSVP by mail link → attendance → minutes and DOCX → board → feed → cancellation', async () => {
		const { context } = await recordingContext(browser);
		const page = await context.newPage();
		await logIn(page, baseUrl, COORDINATOR);

		// The network list, and a new network: first with mistakes, then right.
		await click(page, 'nav.office-nav a[href$="/office/networks"]');
		await expectAccessible(page);
		await click(page, 'a[href$="/office/networks/new"]');
		await click(page, 'form.network-form button[type=submit]');
		const alert = await page.locator('[role=alert]').innerText();
		expect(alert).toContain('Bitte ausfüllen.');
		expect(alert).toContain('Bitte mindestens ein Handlungsfeld wählen.');
		await expectAccessible(page);
		await page.fill('#name', NETWORK);
		await page.check('input[name=actionFields][value=language]');
		await page.fill('#description', 'Sprachkursträger und Ehrenamtliche im Amt Geltinger Bucht.');
		await page.selectOption('#coordinatingOrganisationId', { label: 'Volkshochschule Kappeln' });
		await click(page, 'form.network-form button[type=submit]');
		expect(await page.locator('h1').innerText()).toBe(NETWORK);
		expect(await page.locator('[role=status]').innerText()).toContain('Gespeichert');
		await expectAccessible(page);

		// Members: an organisation and a person.
		await page.selectOption('#member', { label: 'Volkshochschule Kappeln' });
		await click(page, 'form[action="?/addMember"] button');
		await page.selectOption('#member', `c:${memberContactId}`);
		await page.selectOption('#role', 'speaker');
		await click(page, 'form[action="?/addMember"] button');
		const members = await page.locator('table.members').innerText();
		expect(members).toContain('Volkshochschule Kappeln');
		expect(members).toContain(MEMBER.name);
		expect(members).toContain('Sprecher*in');
		await expectAccessible(page);
		const networkUrl = page.url().replace(/\?.*$/, '');
		await click(page, `a[href$="/networks/${networkUrl.split('/').at(-1)}/edit"]`);
		expect(await page.inputValue('#name')).toBe(NETWORK);
		await expectAccessible(page);
		await click(page, 'form.network-form button[type=submit]');
		expect(await page.locator('[role=status]').innerText()).toContain('Gespeichert');

		// A meeting with an agenda; a missing place is named first.
		await click(page, 'a[href$="/meetings/new"]');
		await expectAccessible(page);
		await page.fill('#title', 'Sommerplanung');
		await page.fill('#day', meetingDay);
		await page.fill('#start', '10:00');
		await page.fill('#end', '12:00');
		await page.fill('[id="agenda.0.title"]', 'Begrüßung und Vorstellungsrunde');
		await page.fill('[id="agenda.0.presenter"]', 'Nora Netzwerk');
		await page.fill('[id="agenda.0.start"]', '10:00');
		await page.fill('[id="agenda.0.duration"]', '15');
		await page.fill('[id="agenda.1.title"]', 'Kursangebote im Sommer');
		await page.fill('[id="agenda.1.start"]', '10:15');
		await click(page, 'form.meeting-form button[type=submit]');
		expect(await page.locator('[role=alert]').innerText()).toContain(
			'Bitte einen Ort oder einen Online-Link angeben.'
		);
		expect(await page.inputValue('[id="agenda.1.title"]')).toBe('Kursangebote im Sommer');
		await expectAccessible(page);
		await page.fill('#location', 'Amtsverwaltung Gelting, Sitzungssaal');
		await click(page, 'form.meeting-form button[type=submit]');
		expect(await page.locator('h1').innerText()).toBe('Sommerplanung');
		// Saved, and nothing else: nobody is invited yet, so no mail went out.
		expect((await page.locator('[role=status]').innerText()).trim()).toBe('Gespeichert.');
		await expectAccessible(page);
		const meetingUrl = page.url().replace(/\?.*$/, '');

		// Invite: the person member gets a mail with a personal link and the .ics.
		await click(page, 'form[action="?/invite"] button');
		expect(await page.locator('[role=status]').innerText()).toMatch(/Neu eingeladen: \d+\./);
		await expectAccessible(page);
		const mail = await waitForMail(mailbox, MEMBER.email, 150);
		const parts = mimeParts(mail.raw);
		const text = parts.find(
			(part) =>
				part.headers['content-type']?.startsWith('text/plain') &&
				!part.headers['content-disposition']
		)!.body;
		expect(text).toContain(NETWORK);
		expect(text).toContain('Begrüßung und Vorstellungsrunde');
		const calendar = parts.find((part) =>
			part.headers['content-type']?.startsWith('text/calendar')
		)!;
		expect(calendar.headers['content-type']).toContain('method=REQUEST');
		const [event] = parseIcs(calendar.body).events;
		expect(event).toMatchObject({ summary: `${NETWORK}: Sommerplanung`, tzid: 'Europe/Berlin' });
		const link = /https?:\/\/\S+\/de\/rsvp\/[\w-]{43}/.exec(text)![0];
		// The English text below links the English page with the same token.
		expect(text).toContain(link.replace('/de/rsvp/', '/en/rsvp/'));

		// The member answers through the link, without logging in.
		const member = await (await recordingContext(browser)).context.newPage();
		await member.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl));
		expect(await member.locator('main').innerText()).toContain('Sommerplanung');
		await expectAccessible(member);
		await click(member, 'button[name=response][value=yes]');
		expect(await member.locator('[role=status]').innerText()).toContain('Danke');
		expect(await member.locator('button[aria-pressed=true]').innerText()).toBe('Ja, ich komme');
		await expectAccessible(member);
		await member.goto(`${baseUrl}/de/rsvp/${'x'.repeat(43)}`);
		expect(await member.locator('[role=alert]').innerText()).toContain('ungültig');

		// Attendance: the answer shows, presence is recorded in one step.
		await page.goto(`${meetingUrl}/attendance`);
		const row = page.locator('tr', { hasText: MEMBER.name });
		expect(await row.innerText()).toContain('Zusage');
		await expectAccessible(page);
		await row.locator('input[value=present]').check();
		await click(page, 'form:has(table.attendance) button[type=submit]');
		expect(await page.locator('[role=status]').innerText()).toContain('Anwesenheit gespeichert');
		expect(
			await page.locator('tr', { hasText: MEMBER.name }).locator('input[value=present]').isChecked()
		).toBe(true);
		await expectAccessible(page);

		// Minutes: per agenda item, a decision and a follow-up task; released to the members.
		await page.goto(meetingUrl);
		await click(page, `a[href$="/minutes"]`);
		await expectAccessible(page);
		const firstItem = page.locator('.minutes-item').first();
		await firstItem.locator('textarea').fill('Alle stellen sich vor; **zwölf** Träger sind dabei.');
		await Promise.all([
			page.waitForEvent('load'),
			firstItem.locator('button[type=submit]').click()
		]);
		await page.fill('#decisionText', 'Das Netzwerk trifft sich vierteljährlich.');
		await click(page, 'form[action="?/addDecision"] button[type=submit]');
		await page.fill('#task-title', 'Sommerkurse in der Bücherei bewerben');
		await page.selectOption('#task-owner', { label: 'Volkshochschule Kappeln' });
		await page.fill('#task-dueOn', meetingDay);
		await click(page, 'form[action="?/addTask"] button[type=submit]');
		// Not before the meeting has begun: refused with a message, nothing released or mailed.
		await page.check('form[action="?/release"] input[name=confirm]');
		await click(page, 'form[action="?/release"] button[type=submit]');
		expect(await page.locator('#confirm-error').innerText()).toContain(
			'erst freigegeben werden, wenn die Sitzung begonnen hat'
		);
		expect(await page.locator('main').innerText()).not.toContain('Freigegeben am');
		await expectAccessible(page);
		// Time passes: the meeting took place yesterday; now the minutes can be released.
		await moveMeetingToYesterday(Number(/meetings\/(\d+)/.exec(meetingUrl)![1]));
		await page.goto(`${meetingUrl}/minutes`);
		await page.check('form[action="?/release"] input[name=confirm]');
		await click(page, 'form[action="?/release"] button[type=submit]');
		expect(await page.locator('[role=status]').innerText()).toContain('freigegeben');
		await expectAccessible(page);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.click('a[href$="/minutes.docx"]')
		]);
		const { text: minutesText } = await docxText(await downloadedBytes(download));
		for (const expected of [
			'Sommerplanung',
			NETWORK,
			'zwölf',
			'Das Netzwerk trifft sich vierteljährlich.',
			'Sommerkurse in der Bücherei bewerben',
			MEMBER.name
		])
			expect(minutesText).toContain(expected);
		// The follow-up task is on the joint planning board.
		await click(page, 'nav.office-nav a[href$="/office/board"]');
		expect(await page.locator('table.tasks').innerText()).toContain(
			'Sommerkurse in der Bücherei bewerben'
		);
		await expectAccessible(page);

		// A calendar feed of the network: shown once, served as text/calendar, revocable.
		await page.goto(networkUrl);
		await click(page, 'form[action="?/createFeed"] button');
		const feedUrl = (await page.locator('code.feed-url').innerText()).trim();
		await expectAccessible(page);
		const feed = await fetch(feedUrl.replace(/^https?:\/\/[^/]+/, baseUrl));
		expect(feed.headers.get('content-type')).toContain('text/calendar');
		expect(parseIcs(await feed.text()).events.map((entry) => entry.uid)).toEqual([event!.uid]);
		await click(page, 'form[action="?/revokeFeed"] button');
		expect((await fetch(feedUrl.replace(/^https?:\/\/[^/]+/, baseUrl))).status).toBe(404);

		// Cancelling needs a deliberate tick; then everyone invited gets METHOD:CANCEL, same UID.
		await page.goto(meetingUrl);
		await click(page, 'form[action="?/cancel"] button');
		expect(await page.locator('[role=alert]').innerText()).toContain('Bitte bestätigen');
		await page.check('form[action="?/cancel"] input[name=confirm]');
		await click(page, 'form[action="?/cancel"] button');
		expect(await page.locator('[role=status]').innerText()).toContain('Abgesagt');
		await expectAccessible(page);
		let cancellation: ReceivedMail | undefined;
		for (let attempt = 0; attempt < 150 && !cancellation; attempt++) {
			cancellation = mailbox.received.find(
				(entry) => entry.to.includes(MEMBER.email) && entry.raw.includes('method=CANCEL')
			);
			if (!cancellation) await new Promise((resolve) => setTimeout(resolve, 100));
		}
		const cancelPart = mimeParts(cancellation!.raw).find((part) =>
			part.headers['content-type']?.startsWith('text/calendar')
		)!;
		expect(cancelPart.headers['content-type']).toContain('method=CANCEL');
		expect(parseIcs(cancelPart.body).events[0]).toMatchObject({
			uid: event!.uid,
			sequence: 1,
			status: 'CANCELLED'
		});

		// The network is archived: it leaves the list.
		await page.goto(`${networkUrl}/edit`);
		await page.check('form[action="?/archive"] input[name=confirm]');
		await click(page, 'form[action="?/archive"] button');
		expect(await page.locator('[role=status]').innerText()).toContain('archiviert');
		expect(await page.locator('main').innerText()).not.toContain(NETWORK);
		await context.close();
		await member.context().close();
	});
});
