import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { accessibilityViolations } from './browser.js';

/** Clicks what loads a new page (a link, a form's button) and waits for that page. */
export async function clickAndLoad(page: Page, selector: string): Promise<void> {
	await Promise.all([page.waitForEvent('load'), page.click(selector)]);
}

export async function expectAccessible(page: Page): Promise<void> {
	expect(await accessibilityViolations(page)).toEqual([]);
}

/** Sends the log-in form with e-mail and password, and nothing more (no second factor). */
export async function submitLogin(
	page: Page,
	baseUrl: string,
	account: { email: string; password: string },
	locale = 'de'
): Promise<void> {
	await page.goto(`${baseUrl}/${locale}/login`);
	await page.fill('#email', account.email);
	await page.fill('#password', account.password);
	await clickAndLoad(page, 'form.box button[type=submit]');
}

/**
 * Logs in with e-mail and password. Staff logging in for the first time must set up their
 * authenticator: that is done with the secret the page shows, as a person would scan it.
 */
export async function logIn(
	page: Page,
	baseUrl: string,
	account: { email: string; password: string }
): Promise<void> {
	await submitLogin(page, baseUrl, account);
	const enrolment = page.locator('code.secret');
	if ((await enrolment.count()) === 0) return;
	const secret = (await enrolment.innerText()).trim();
	await page.fill('#code', new TOTP({ secret: Secret.fromBase32(secret) }).generate());
	await clickAndLoad(page, 'form.box button[type=submit]');
}
