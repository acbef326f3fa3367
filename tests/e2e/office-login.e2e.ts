import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { accessibilityViolations, launchBrowser, recordingContext } from '../support/browser.js';
import { submitLogin } from '../support/office.js';

const baseUrl = e2eApp().baseUrl;
const PASSWORD = 'kitz-demo-2026!';
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
});

// Only the password step: what follows it (enrolment, second factor) is what is tested here.
const logIn = (page: Page, email: string, password = PASSWORD, locale = 'de') =>
	submitLogin(page, baseUrl, { email, password }, locale);

describe('log-in to the back office', () => {
	it('lets a partner editor in with the password alone and out again', async () => {
		const { context, consoleErrors } = await recordingContext(browser);
		const page = await context.newPage();
		await logIn(page, 'partner.vhs@kitz.example');
		expect(new URL(page.url()).pathname).toBe('/de/office');
		expect(await page.locator('main').innerText()).toContain('Volkshochschule Kappeln');
		expect(await accessibilityViolations(page)).toEqual([]);
		const cookie = (await context.cookies()).find((c) => c.name === 'kitz_session');
		expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
		await Promise.all([
			page.waitForURL(/\/de\/login$/),
			page.click('header form button[type=submit]')
		]);
		await page.goto(`${baseUrl}/de/office`);
		expect(new URL(page.url()).pathname).toBe('/de/login');
		expect(consoleErrors).toEqual([]);
		await context.close();
	});

	it('keeps the e-mail and explains a wrong password, in English too', async () => {
		const { context } = await recordingContext(browser);
		const page = await context.newPage();
		await logIn(page, 'partner.awo@kitz.example', 'not the password', 'en');
		expect(await page.locator('[role=alert]').innerText()).toBe(
			'E-mail address or password is wrong.'
		);
		expect(await page.inputValue('#email')).toBe('partner.awo@kitz.example');
		expect(await accessibilityViolations(page)).toEqual([]);
		await context.close();
	});

	it('makes a coordinator set up a second factor, then asks for it at every log-in', async () => {
		const { context } = await recordingContext(browser);
		const page = await context.newPage();
		await logIn(page, 'koordination@kitz.example');
		expect(new URL(page.url()).pathname).toBe('/de/second-factor');
		// The office itself stays closed until the second factor is proven.
		await page.goto(`${baseUrl}/de/office`);
		expect(new URL(page.url()).pathname).toBe('/de/second-factor');
		expect(await accessibilityViolations(page)).toEqual([]);

		const secret = (await page.locator('code.secret').innerText()).trim();
		const authenticator = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
		await page.fill('#code', authenticator.generate());
		await Promise.all([page.waitForEvent('load'), page.click('form.box button[type=submit]')]);
		const codes = await page.locator('.recovery-codes code').allInnerTexts();
		expect(codes).toHaveLength(10);
		await Promise.all([page.waitForURL(/\/de\/office$/), page.click('a.button')]);
		expect(await page.locator('main').innerText()).toContain('Koordination');

		await Promise.all([
			page.waitForURL(/\/de\/login$/),
			page.click('header form button[type=submit]')
		]);
		await logIn(page, 'koordination@kitz.example');
		expect(new URL(page.url()).pathname).toBe('/de/second-factor');
		await page.fill('#code', '000000');
		await Promise.all([page.waitForEvent('load'), page.click('form.box button[type=submit]')]);
		expect(await page.locator('[role=alert]').innerText()).toContain('Der Code stimmt nicht');
		await page.fill('#code', codes[0]!);
		await Promise.all([
			page.waitForURL(/\/de\/office$/),
			page.click('form.box button[type=submit]')
		]);
		await context.close();
	});

	it.each(['de', 'ar'])(
		'has accessible log-in, reset and set-password pages in %s',
		async (locale) => {
			const { context } = await recordingContext(browser);
			const page = await context.newPage();
			for (const path of ['login', 'forgot-password', 'set-password?token=x']) {
				expect((await page.goto(`${baseUrl}/${locale}/${path}`))?.status()).toBe(200);
				expect(await accessibilityViolations(page), path).toEqual([]);
			}
			// An unknown link says so at once rather than offering a form that cannot work.
			expect(await page.locator('[role=alert]').count()).toBe(1);
			expect(await page.locator('#password').count()).toBe(0);
			await context.close();
		}
	);

	it('refuses a log-in posted from another site', async () => {
		const response = await fetch(`${baseUrl}/de/login`, {
			method: 'POST',
			headers: {
				origin: 'https://evil.example',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'email=partner.vhs%40kitz.example&password=kitz-demo-2026!',
			redirect: 'manual'
		});
		expect(response.status).toBe(403);
		expect(response.headers.get('set-cookie')).toBeNull();
	});
});
