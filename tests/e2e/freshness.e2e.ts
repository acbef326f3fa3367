import nodemailer from 'nodemailer';
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDistrict } from '../support/demo.js';
import { e2eApp } from '../support/e2e-app.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { deliverDueMail } from '../../src/lib/server/mail/mail.service.js';
import { sendVerificationReminders } from '../../src/lib/server/freshness/freshness.service.js';
import { createTestAccount, TEST_PASSWORD } from '../factories/account.factory.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { accessibilityViolations, launchBrowser, recordingContext } from '../support/browser.js';
import { clickAndLoad, submitLogin } from '../support/office.js';
import { startSmtpReceiver, type ReceivedMail } from '../support/smtp.js';

const baseUrl = e2eApp().baseUrl;
const databaseUrl = e2eApp().databaseUrl;
const MONTH = 30 * 86_400_000;
const ORGANISATION = 'Frische-Verein Kappeln';
const PARTNER = 'frische.partner@example.org';
const COORDINATOR = 'frische.koordination@example.org';
const OUTDATED_NOTE = 'Diese Angaben sind möglicherweise nicht mehr aktuell';
let browser: Browser;
let mailbox: { received: ReceivedMail[]; stop: () => Promise<void> };
const offers = { outdated: { id: 0, path: '' }, due: { id: 0, path: '' } };

async function withDatabase<T>(work: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>) {
	const database = openDatabase(databaseUrl);
	try {
		return await work(database.db);
	} finally {
		await database.close();
	}
}

beforeAll(async () => {
	mailbox = await startSmtpReceiver(e2eApp().smtpPort);
	await withDatabase(async (db) => {
		const district = await demoDistrict(db);
		const place = await db
			.selectFrom('places')
			.select('id')
			.where('name', '=', 'Kappeln')
			.executeTakeFirstOrThrow();
		const organisationId = await createOrganisation(db, {
			districtId: district.id,
			name: ORGANISATION
		});
		await createTestAccount(db, {
			districtId: district.id,
			email: PARTNER,
			role: 'partner_editor',
			organisationIds: [organisationId]
		});
		await createTestAccount(db, { districtId: district.id, email: COORDINATOR });
		// Unconfirmed for ten months: past the reminder (6) and the outdated period (2).
		for (const [key, title, age] of [
			['outdated', 'Frischetest Sprachcafé', 10],
			['due', 'Frischetest Nähtreff', 7]
		] as const) {
			const id = await createOffer(
				db,
				{ organisationId, placeId: place.id, title },
				new Date(Date.now() - age * MONTH)
			);
			const { slug } = await db
				.selectFrom('offers')
				.select('slug')
				.where('id', '=', id)
				.executeTakeFirstOrThrow();
			offers[key] = { id, path: `/de/offers/${slug}` };
		}
	});
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await mailbox?.stop();
});

/** The text of a mail, undoing quoted-printable encoding. */
function textOf(mail: ReceivedMail): string {
	const latin1 = mail.raw
		.replace(/=\r?\n/g, '')
		.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
	return Buffer.from(latin1, 'latin1').toString('utf8');
}

async function reminderLinkFor(title: string): Promise<string> {
	for (let attempt = 0; attempt < 100; attempt++) {
		const mail = mailbox.received
			.filter((candidate) => candidate.to.includes(PARTNER))
			.map(textOf)
			.find((text) => text.includes(`„${title}“`));
		if (mail) return /https?:\/\/\S+\/de\/verify-offer\/[\w-]+/.exec(mail)![0];
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`No reminder about ${title} arrived`);
}

const submit = (page: Page, selector = 'main form button[type=submit]') =>
	clickAndLoad(page, selector);
// Without the second factor: the coordinator's enrolment is part of what is tested here.
const logIn = (page: Page, email: string) =>
	submitLogin(page, baseUrl, { email, password: TEST_PASSWORD });

describe('offer freshness', () => {
	it('marks an offer unconfirmed for too long in search results and on its page', async () => {
		const { context, consoleErrors } = await recordingContext(browser);
		const page = await context.newPage();
		await page.goto(`${baseUrl}/de/search?q=Frischetest`);
		const card = (title: string) => page.locator('article.card', { hasText: title });
		expect(await card('Frischetest Sprachcafé').locator('.note.outdated').innerText()).toContain(
			OUTDATED_NOTE
		);
		// Due for a reminder, but not yet outdated: no note.
		expect(await card('Frischetest Nähtreff').locator('.note.outdated').count()).toBe(0);

		await page.goto(`${baseUrl}${offers.outdated.path}`);
		expect(await page.locator('.note.outdated').innerText()).toContain(OUTDATED_NOTE);
		expect(await accessibilityViolations(page)).toEqual([]);
		await page.goto(`${baseUrl}${offers.outdated.path.replace('/de/', '/en/')}`);
		expect(await page.locator('.note.outdated').innerText()).toContain(
			'This information may no longer be up to date.'
		);
		expect(consoleErrors).toEqual([]);
		await context.close();
	});

	it('lets the owner confirm with one click from the reminder mail', async () => {
		await withDatabase(async (db) => {
			await sendVerificationReminders(db, {
				origin: baseUrl,
				freshnessReminderMonths: 6,
				freshnessOutdatedMonths: 2
			});
			const transport = nodemailer.createTransport({
				host: '127.0.0.1',
				port: e2eApp().smtpPort,
				secure: false,
				ignoreTLS: true
			});
			await deliverDueMail(db, transport, 'KITZ <kitz@example.org>');
		});
		const link = await reminderLinkFor('Frischetest Sprachcafé');
		expect(link.startsWith(`${baseUrl}/de/verify-offer/`)).toBe(true);

		const { context, consoleErrors } = await recordingContext(browser);
		const page = await context.newPage();
		expect((await page.goto(link))?.status()).toBe(200);
		expect(await page.locator('main dl').innerText()).toContain('Frischetest Sprachcafé');
		expect(await page.locator('main button').allInnerTexts()).toEqual([
			'Ja, die Angaben stimmen noch'
		]);
		expect(await accessibilityViolations(page)).toEqual([]);
		// Opening the link (as mail scanners do) confirmed nothing.
		await page.goto(`${baseUrl}${offers.outdated.path}`);
		expect(await page.locator('.note.outdated').count()).toBe(1);

		await page.goto(link);
		await submit(page);
		expect(await page.locator('[role=status]').innerText()).toContain('Vielen Dank');
		expect(await accessibilityViolations(page)).toEqual([]);
		await page.goto(`${baseUrl}${offers.outdated.path}`);
		expect(await page.locator('.note.outdated').count()).toBe(0);

		await page.goto(link);
		expect(await page.locator('[role=alert]').innerText()).toContain('schon benutzt');
		expect(await page.locator('main button').count()).toBe(0);
		expect((await page.goto(`${baseUrl}/de/verify-offer/gibt-es-nicht`))?.status()).toBe(200);
		expect(await page.locator('[role=alert]').innerText()).toContain('kennen wir nicht');
		expect(await accessibilityViolations(page)).toEqual([]);
		expect(consoleErrors).toEqual([]);
		await context.close();

		// A forged confirmation is refused with the page's message, not a server error.
		const forged = await fetch(`${baseUrl}/de/verify-offer/${'A'.repeat(43)}`, {
			method: 'POST',
			headers: {
				origin: baseUrl,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: ''
		});
		expect(forged.status).toBe(400);
		expect(await forged.text()).toContain('Diesen Link kennen wir nicht');
	});

	it('shows coordinators an accessible dashboard and the stale offers per organisation', async () => {
		const { context, consoleErrors } = await recordingContext(browser);
		const page = await context.newPage();
		await logIn(page, COORDINATOR);
		const secret = (await page.locator('code.secret').innerText()).trim();
		await page.fill('#code', new TOTP({ secret: Secret.fromBase32(secret) }).generate());
		await submit(page, 'form.box button[type=submit]');
		await Promise.all([page.waitForURL(/\/de\/office$/), page.click('a.button')]);

		await Promise.all([
			page.waitForURL(/\/office\/dashboard$/),
			page.click('a[href$="/office/dashboard"]')
		]);
		expect(await page.locator('h1').innerText()).toBe('Übersicht der Koordination');
		expect(await page.locator('main table caption').count()).toBe(4);
		expect(await page.locator('main').innerText()).toContain('Kappeln');
		expect(await accessibilityViolations(page)).toEqual([]);

		await Promise.all([
			page.waitForURL(/\/office\/stale$/),
			page.click('a[href$="/office/stale"]')
		]);
		// The confirmed offer has left the list; the other one is due and its owners reminded.
		const rows = await page
			.locator('section', { hasText: ORGANISATION })
			.locator('tbody tr')
			.allInnerTexts();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toContain('Frischetest Nähtreff');
		expect(rows[0]).toContain('Prüfung fällig');
		expect(rows[0]).not.toContain('noch nicht');
		expect(await accessibilityViolations(page)).toEqual([]);
		expect(consoleErrors).toEqual([]);
		await context.close();
	});

	it('shows partner editors only their own stale offers and no dashboard', async () => {
		const { context } = await recordingContext(browser);
		const page = await context.newPage();
		await logIn(page, PARTNER);
		expect(new URL(page.url()).pathname).toBe('/de/office');
		expect(await page.locator('a[href$="/office/dashboard"]').count()).toBe(0);
		expect((await page.goto(`${baseUrl}/de/office/dashboard`))?.status()).toBe(403);
		await page.goto(`${baseUrl}/de/office/stale`);
		expect(await page.locator('main h2').allInnerTexts()).toEqual([ORGANISATION]);
		expect(await accessibilityViolations(page)).toEqual([]);
		await context.close();
	});
});
