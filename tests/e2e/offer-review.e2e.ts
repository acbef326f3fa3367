import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { createTestAccount } from '../factories/account.factory.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { launchBrowser, recordingContext } from '../support/browser.js';
import { clickAndLoad as click, expectAccessible, logIn } from '../support/office.js';
import { startSmtpReceiver, waitForMail, type ReceivedMail } from '../support/smtp.js';
import { demoDistrict } from '../support/demo.js';

const baseUrl = e2eApp().baseUrl;
const COORDINATOR = { email: 'clara.review@kitz.example', password: 'Claras lange Passphrase' };
const PARTNER = { email: 'pia.partner@example.org', password: 'Pias sichere Passphrase' };
const TITLE = 'Deutsch am Abend – Alltagskurs';
const ARABIC_TITLE = 'الألمانية في المساء – دورة الحياة اليومية';
// A second pair for the change of a seeded offer (a staff log-in enrols its second factor once).
const REVIEWER = { email: 'rene.review@kitz.example', password: 'Renes lange Passphrase' };
const EDITOR = { email: 'eda.editor@example.org', password: 'Edas sichere Passphrase' };
const ADDED_SENTENCE = 'Bitte bringen Sie einen Ausweis mit.';
let seededOfferId = 0;
let browser: Browser;
let mailbox: { received: ReceivedMail[]; stop: () => Promise<void> };
// A Tuesday some weeks ahead, so the weekly course has upcoming dates whenever the test runs.
const firstDay = (() => {
	const day = new Date(Date.now() + 14 * 86_400_000);
	day.setUTCDate(day.getUTCDate() + ((9 - day.getUTCDay()) % 7));
	return day.toISOString().slice(0, 10);
})();

beforeAll(async () => {
	mailbox = await startSmtpReceiver(e2eApp().smtpPort);
	browser = await launchBrowser();
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const district = await demoDistrict(database.db);
		await createTestAccount(database.db, {
			districtId: district.id,
			email: COORDINATOR.email,
			name: 'Clara Review',
			role: 'coordinator',
			password: COORDINATOR.password
		});
		await createTestAccount(database.db, {
			districtId: district.id,
			email: REVIEWER.email,
			name: 'René Review',
			role: 'coordinator',
			password: REVIEWER.password
		});
		// A seeded, published offer with translations, and an editor of its organisation.
		const seeded = await database.db
			.selectFrom('offers')
			.innerJoin('translations', 'translations.entityId', 'offers.id')
			.select(['offers.id', 'offers.organisationId'])
			.where('offers.districtId', '=', district.id)
			.where('offers.status', '=', 'published')
			.where('translations.entity', '=', 'offer')
			.where('translations.locale', '=', 'ar')
			.orderBy('offers.id')
			.executeTakeFirstOrThrow();
		seededOfferId = seeded.id;
		await createTestAccount(database.db, {
			districtId: district.id,
			email: EDITOR.email,
			name: 'Eda Editor',
			role: 'partner_editor',
			organisationIds: [seeded.organisationId],
			password: EDITOR.password
		});
	} finally {
		await database.close();
	}
});
afterAll(async () => {
	await browser.close();
	await mailbox.stop();
});

describe('a coordinator and a partner bring an offer into the portal', () => {
	it('invite → draft with Arabic → submit → changes requested → fixed → approved → public in Arabic', async () => {
		// The coordinator logs in with a second factor and invites the partner.
		const coordinatorContext = (await recordingContext(browser)).context;
		const coordinator = await coordinatorContext.newPage();
		await logIn(coordinator, baseUrl, COORDINATOR);
		await coordinator.goto(`${baseUrl}/de/office/invite`);
		await coordinator.fill('#name', 'Pia Partner');
		await coordinator.fill('#email', PARTNER.email);
		await coordinator.selectOption('#role', 'partner_editor');
		await coordinator.selectOption('#organisationId', { label: 'Volkshochschule Kappeln' });
		await click(coordinator, 'form.box button[type=submit]');
		const mail = await waitForMail(mailbox, PARTNER.email);
		const body = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
		const link = /https?:\/\/\S+set-password\?token=[\w-]+/.exec(body)![0];

		// The partner sets a password and creates the offer with an Arabic translation.
		const partnerContext = (await recordingContext(browser)).context;
		const partner = await partnerContext.newPage();
		await partner.goto(link);
		await partner.fill('#password', PARTNER.password);
		await partner.fill('#repeat', PARTNER.password);
		await click(partner, 'form.box button[type=submit]');
		await logIn(partner, baseUrl, PARTNER);
		await click(partner, 'nav.office-nav a[href$="/office/offers"]');
		await click(partner, 'a[href$="/office/offers/new"]');
		await expectAccessible(partner);

		// First a form with mistakes: everything typed stays, each problem is named.
		await partner.fill('#title', TITLE);
		await partner.check('input[name=scheduleKind][value=recurring]');
		await partner.fill('[id="date.0.day"]', firstDay);
		await partner.fill('[id="date.0.start"]', '18:00');
		await partner.click('details:has([id="tr.ar.title"]) summary');
		await partner.fill('[id="tr.ar.title"]', ARABIC_TITLE);
		await partner.selectOption('#languageLevel', 'B1');
		await partner.selectOption('#languageLevelExit', 'A2');
		await click(partner, 'form.offer-form button[type=submit]:not([name])');
		const alert = await partner.locator('[role=alert]').innerText();
		expect(alert).toContain('Bitte ausfüllen.');
		expect(alert).toContain('Bitte wählen, wie sich der Termin wiederholt.');
		expect(await partner.locator('#languageLevelExit-error').innerText()).toBe(
			'Das Sprachniveau am Ende muss höher sein als die nötigen Deutschkenntnisse.'
		);
		expect(await partner.inputValue('#languageLevelExit')).toBe('A2');
		expect(await partner.inputValue('#title')).toBe(TITLE);
		expect(await partner.inputValue('[id="tr.ar.title"]')).toBe(ARABIC_TITLE);
		await expectAccessible(partner);

		await partner.fill('#summary', 'Deutsch für den Alltag lernen, abends nach der Arbeit.');
		await partner.selectOption('#languageLevel', 'A1');
		await partner.fill('#description', 'Wir üben Gespräche beim Arzt, im Amt und beim Einkaufen.');
		await partner.check('input[name=actionFields][value=language]');
		await partner.check('input[name=languages][value=ar]');
		await partner.fill('#street', 'Schulstraße 3');
		await partner.selectOption('#placeId', { label: 'Kappeln' });
		await partner.fill('[id="date.0.end"]', '19:30');
		await partner.selectOption('[id="date.0.repeat"]', 'weekly');
		await click(partner, 'button[name=intent][value=preview]');
		expect(await partner.locator('.date-preview li').count()).toBe(6);
		await partner.fill('[id="tr.ar.summary"]', 'تعلم الألمانية للحياة اليومية في المساء.');
		await click(partner, 'form.offer-form button[type=submit]:not([name])');
		expect(await partner.locator('[role=status]').innerText()).toContain('Gespeichert');
		await expectAccessible(partner);
		const offerUrl = partner.url().replace(/\?.*$/, '');
		await click(partner, 'form[action="?/submit"] button');
		expect(await partner.locator('.workflow').innerText()).toContain('Zur Prüfung eingereicht');

		// The coordinator finds it on the dashboard and in the review queue, and asks for a change.
		await coordinator.goto(`${baseUrl}/de/office/dashboard`);
		expect(
			await coordinator.locator('section[aria-labelledby=queue-heading]').innerText()
		).toContain(TITLE);
		await click(coordinator, 'nav.office-nav a[href$="state=submitted"]');
		await expectAccessible(coordinator);
		await click(coordinator, `a:text("${TITLE}")`);
		await coordinator.fill('#comment', 'Bitte die Anmeldung ergänzen.');
		await click(coordinator, 'form[action="?/requestChanges"] button');
		expect(await coordinator.locator('.workflow').innerText()).toContain('Änderungen erbeten');

		// The partner reads the note, fixes the offer and submits again.
		await partner.goto(offerUrl);
		expect(await partner.locator('.review-comment').innerText()).toContain('Anmeldung ergänzen');
		await partner.selectOption('#access', 'registration');
		await click(partner, 'form.offer-form button[type=submit]:not([name])');
		await click(partner, 'form[action="?/submit"] button');

		// The coordinator approves; the history shows what changed.
		await coordinator.goto(offerUrl);
		await click(coordinator, 'form[action="?/approve"] button');
		expect(await coordinator.locator('.workflow').innerText()).toContain('Veröffentlicht');
		await click(coordinator, 'a[href$="/history"]');
		const history = await coordinator.locator('main').innerText();
		expect(history).toContain('Version 1 – Freigegeben');
		expect(history).toContain('Bitte die Anmeldung ergänzen.');
		await expectAccessible(coordinator);

		// Newcomers find it in Arabic.
		const visitor = await (await recordingContext(browser)).context.newPage();
		await visitor.goto(`${baseUrl}/ar/search?q=${encodeURIComponent('Alltagskurs')}`);
		await click(visitor, `a:text("${ARABIC_TITLE}")`);
		const heading = visitor.locator('h1');
		expect(await heading.innerText()).toBe(ARABIC_TITLE);
		expect(await visitor.locator('html').getAttribute('dir')).toBe('rtl');
		expect(await heading.getAttribute('lang')).not.toBe('de');
		expect(await visitor.locator('.facts').innerText()).toContain('الهدف: المستوى A2');
		await coordinatorContext.close();
		await partnerContext.close();
		await visitor.context().close();
	});
});

describe('a partner changes one sentence of a seeded offer', () => {
	it('the reviewer sees only that sentence inserted, approves, and is told so', async () => {
		const editorContext = (await recordingContext(browser)).context;
		const editor = await editorContext.newPage();
		await logIn(editor, baseUrl, EDITOR);
		// The partner's start page names their own submissions, not the coordinators' queue.
		await editor.goto(`${baseUrl}/de/office`);
		const start = await editor.locator('main').innerText();
		expect(start).toContain('Meine eingereichten Angebote');
		expect(start).not.toContain('Zur Prüfung eingereicht');
		expect(start).not.toContain('Zu prüfende Angebote');

		const offerUrl = `${baseUrl}/de/office/offers/${seededOfferId}`;
		await editor.goto(offerUrl);
		const description = await editor.inputValue('#description');
		await editor.fill('#description', `${description.trimEnd()} ${ADDED_SENTENCE}`);
		await click(editor, 'form.offer-form button[type=submit]:not([name])');
		await click(editor, 'form[action="?/submit"] button');
		expect(await editor.locator('[role=status]').innerText()).toContain('Eingereicht.');
		await editor.goto(`${baseUrl}/de/office/offers?state=submitted`);
		expect(await editor.locator('h1').innerText()).toBe('Meine eingereichten Angebote');

		const reviewerContext = (await recordingContext(browser)).context;
		const reviewer = await reviewerContext.newPage();
		await logIn(reviewer, baseUrl, REVIEWER);
		await reviewer.goto(offerUrl);
		const changes = reviewer.locator('section.pending-changes');
		expect(await changes.locator('dt').allInnerTexts()).toEqual(['Beschreibung']);
		expect((await changes.locator('ins').allInnerTexts()).map((text) => text.trim())).toEqual([
			ADDED_SENTENCE
		]);
		expect(await changes.locator('del').count()).toBe(0);
		await expectAccessible(reviewer);
		await click(reviewer, 'form[action="?/approve"] button');
		expect(await reviewer.locator('[role=status]').innerText()).toContain(
			'Die Änderung ist freigegeben und im Portal veröffentlicht.'
		);
		await editorContext.close();
		await reviewerContext.close();
	});
});
