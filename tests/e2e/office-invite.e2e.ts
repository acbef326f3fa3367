import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { accessibilityViolations, launchBrowser, recordingContext } from '../support/browser.js';
import { clickAndLoad } from '../support/office.js';
import { startSmtpReceiver, waitForMail, type ReceivedMail } from '../support/smtp.js';

const baseUrl = e2eApp().baseUrl;
let browser: Browser;
let mailbox: { received: ReceivedMail[]; stop: () => Promise<void> };

beforeAll(async () => {
	mailbox = await startSmtpReceiver(e2eApp().smtpPort);
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
	await mailbox.stop();
});

const submit = (page: Page, selector = 'form.box button[type=submit]') =>
	clickAndLoad(page, selector);

/** The link in a quoted-printable or plain mail body. */
function linkIn(mail: ReceivedMail): string {
	const body = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
	return /https?:\/\/\S+set-password\?token=[\w-]+/.exec(body)![0];
}

describe('an administrator invites a partner editor, who sets a password and logs in', () => {
	it('works end to end through a real SMTP receiver', async () => {
		const { context } = await recordingContext(browser);
		const page = await context.newPage();
		await page.goto(`${baseUrl}/de/login`);
		await page.fill('#email', 'admin@kitz.example');
		await page.fill('#password', 'kitz-demo-2026!');
		await submit(page);
		const secret = (await page.locator('code.secret').innerText()).trim();
		await page.fill('#code', new TOTP({ secret: Secret.fromBase32(secret) }).generate());
		await submit(page);
		await Promise.all([page.waitForURL(/\/de\/office$/), page.click('a.button')]);

		await Promise.all([
			page.waitForURL(/\/office\/invite$/),
			page.click('a[href$="/office/invite"]')
		]);
		expect(await accessibilityViolations(page)).toEqual([]);
		// A partner editor without an organisation is refused with a specific message, input kept.
		await page.fill('#name', 'Nadia Neu');
		await page.fill('#email', 'nadia@example.org');
		await page.selectOption('#role', 'partner_editor');
		await submit(page);
		expect(await page.locator('[role=alert]').innerText()).toContain('braucht eine Organisation');
		expect(await page.inputValue('#email')).toBe('nadia@example.org');
		expect(await accessibilityViolations(page)).toEqual([]);

		await page.selectOption('#organisationId', { label: 'Volkshochschule Kappeln' });
		await submit(page);
		expect(await page.locator('[role=status]').innerText()).toContain('nadia@example.org');
		const mail = await waitForMail(mailbox, 'nadia@example.org');
		expect(mail.raw).toMatch(/Subject: .*Einladung/);
		const link = linkIn(mail);
		expect(link.startsWith(baseUrl)).toBe(true);
		// Delivered, so it is not on the administrators' list of undelivered mail (other tests'
		// mail may be, when no receiver listened while they ran).
		await page.goto(`${baseUrl}/de/office/mail`);
		expect(await page.locator('h1').innerText()).toBe('Nicht zugestellte E-Mails');
		expect(await page.locator('main').innerText()).not.toContain('nadia@example.org');
		expect(await accessibilityViolations(page)).toEqual([]);
		// The administrator finds the invitation in the audit log.
		await page.goto(`${baseUrl}/de/office/audit`);
		expect(await page.locator('table.audit').innerText()).toContain('nadia@example.org');
		expect(await accessibilityViolations(page)).toEqual([]);
		await context.close();

		const invited = (await recordingContext(browser)).context;
		const partner = await invited.newPage();
		await partner.goto(link);
		expect(await accessibilityViolations(partner)).toEqual([]);
		await partner.fill('#password', 'Nadias sichere Passphrase');
		await partner.fill('#repeat', 'Nadias sichere Passphrase');
		await Promise.all([
			partner.waitForURL(/\/de\/login\?password=set$/),
			partner.click('form.box button[type=submit]')
		]);
		await partner.fill('#email', 'nadia@example.org');
		await partner.fill('#password', 'Nadias sichere Passphrase');
		await submit(partner);
		expect(new URL(partner.url()).pathname).toBe('/de/office');
		expect(await partner.locator('main').innerText()).toContain('Volkshochschule Kappeln');
		// Partners neither invite nor read the audit log.
		expect(await partner.locator('a[href$="/office/invite"]').count()).toBe(0);
		expect((await partner.goto(`${baseUrl}/de/office/audit`))?.status()).toBe(403);
		expect((await partner.goto(`${baseUrl}/de/office/invite`))?.status()).toBe(403);

		// The link works only once: opened again, it says so instead of offering the form.
		await partner.goto(link);
		expect(await partner.locator('[role=alert]').innerText()).toContain(
			'Dieser Link gilt nicht mehr'
		);
		expect(await partner.locator('#password').count()).toBe(0);
		await invited.close();
	});

	it('answers a reset request alike for known and unknown addresses', async () => {
		const { context } = await recordingContext(browser);
		const page = await context.newPage();
		for (const email of ['leitung@kitz.example', 'niemand@example.org']) {
			await page.goto(`${baseUrl}/de/forgot-password`);
			expect(await accessibilityViolations(page)).toEqual([]);
			await page.fill('#email', email);
			await submit(page);
			expect(await page.locator('[role=status]').innerText()).toContain(
				'Wenn es zu dieser Adresse ein Konto gibt'
			);
		}
		const mail = await waitForMail(mailbox, 'leitung@kitz.example');
		expect(linkIn(mail)).toContain('/de/set-password?token=');
		expect(mailbox.received.some((candidate) => candidate.to.includes('niemand@example.org'))).toBe(
			false
		);
		await context.close();
	});
});
