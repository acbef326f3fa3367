import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { accessibilityViolations, launchBrowser, recordingContext } from '../support/browser.js';
import { clickAndLoad as click, logIn as logInAs } from '../support/office.js';

const baseUrl = e2eApp().baseUrl;
const PARTNER = { email: 'partner.vhs@kitz.example', password: 'kitz-demo-2026!' };
// Other suites share the app and expect the demo name: this one changes only how to reach it.
const NEW_PHONE = '04642 9876-0';
const NEW_WEBSITE = 'https://www.vhs-kappeln.example/kurse';
let browser: Browser;
let offerSlug = '';
let vhs = 0;

beforeAll(async () => {
	browser = await launchBrowser();
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const offer = await database.db
			.selectFrom('offers')
			.innerJoin('organisations', 'organisations.id', 'offers.organisationId')
			.select(['offers.slug', 'organisations.id as organisationId'])
			.where('organisations.slug', '=', 'a-vhs-kappeln')
			.where('offers.status', '=', 'published')
			.orderBy('offers.id')
			.executeTakeFirstOrThrow();
		offerSlug = offer.slug;
		vhs = offer.organisationId;
	} finally {
		await database.close();
	}
});
afterAll(async () => {
	await browser.close();
});

const logIn = (page: Page, email: string) =>
	logInAs(page, baseUrl, { email, password: PARTNER.password });

describe('a partner keeps its organisation profile', () => {
	it('shows a message at the wrong input, keeps what was typed, and saves once fixed', async () => {
		const { context, consoleErrors } = await recordingContext(browser);
		const page = await context.newPage();
		await logIn(page, PARTNER.email);

		await click(page, '.office-nav a[href$="/office/organisations"]');
		expect(await page.locator('h1').innerText()).toBe('Organisationen');
		const rows = page.locator('table.organisations tbody tr');
		expect(await rows.count()).toBe(1);
		// Partners do not create organisations.
		expect(await page.locator('a[href$="/office/organisations/new"]').count()).toBe(0);
		expect(await accessibilityViolations(page)).toEqual([]);

		await click(page, 'table.organisations tbody a');
		expect(await page.locator('h1').innerText()).toBe('Volkshochschule Kappeln');
		expect(await page.inputValue('#name')).toBe('Volkshochschule Kappeln');
		expect(await accessibilityViolations(page)).toEqual([]);

		await page.fill('#phone', NEW_PHONE);
		await page.fill('#website', 'www.vhs-kappeln.example/kurse');
		await click(page, 'form.organisation-form button[type=submit]');
		const alert = page.locator('[role=alert]');
		expect(await alert.innerText()).toContain('beginnend mit https://');
		expect(await page.getAttribute('#website', 'aria-invalid')).toBe('true');
		expect(await page.locator('#website-error').innerText()).toContain('https://');
		expect(await page.getAttribute('#phone', 'aria-invalid')).toBeNull();
		expect(await page.inputValue('#website')).toBe('www.vhs-kappeln.example/kurse');
		expect(await page.inputValue('#phone')).toBe(NEW_PHONE);
		expect(await page.inputValue('#postcode')).toBe('24376');
		expect(await accessibilityViolations(page)).toEqual([]);

		// The summary links to the input.
		await page.click('[role=alert] a[href="#website"]');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('website');
		await page.fill('#website', NEW_WEBSITE);
		await click(page, 'form.organisation-form button[type=submit]');
		expect(new URL(page.url()).searchParams.get('saved')).toBe('1');
		expect(await page.locator('[role=status]').innerText()).toContain('Gespeichert');
		expect(await page.locator('[role=alert]').count()).toBe(0);
		expect(await page.inputValue('#phone')).toBe(NEW_PHONE);
		expect(await page.inputValue('#website')).toBe(NEW_WEBSITE);

		// The portal shows the new details with the organisation's offers.
		await page.goto(`${baseUrl}/de/offers/${offerSlug}`);
		expect(await page.locator(`a[href="${NEW_WEBSITE}"]`).count()).toBe(1);
		// The refused save answers 400 on purpose; anything else (a CSP violation, a script error) fails.
		expect(consoleErrors.filter((error) => !error.includes('status of 400'))).toEqual([]);
		await context.close();
	});

	it('adds a contact person, with the same care for wrong input', async () => {
		const { context } = await recordingContext(browser);
		const page = await context.newPage();
		await logIn(page, PARTNER.email);
		await click(page, '.office-nav a[href$="/office/organisations"]');
		await click(page, 'table.organisations tbody a');
		await click(page, 'main a[href$="/contacts"]');
		expect(await accessibilityViolations(page)).toEqual([]);
		await page.fill('#contact-new-name', 'Aylin Demir');
		await page.fill('#contact-new-role', 'Beratung zu Sprachkursen');
		await page.fill('#contact-new-email', 'aylin.demir');
		await page.check('#contact-new-languages input[value="tr"]');
		await click(page, 'form:has(#contact-new-name) button[type=submit]');
		expect(await page.locator('#contact-new-email-error').innerText()).toContain('E-Mail-Adresse');
		expect(await page.inputValue('#contact-new-name')).toBe('Aylin Demir');
		expect(await page.isChecked('#contact-new-languages input[value="tr"]')).toBe(true);
		expect(await accessibilityViolations(page)).toEqual([]);
		await page.fill('#contact-new-email', 'aylin.demir@vhs-kappeln.example');
		await click(page, 'form:has(#contact-new-name) button[type=submit]');
		expect(await page.locator('[role=status]').innerText()).toBe('Gespeichert.');
		expect(await page.locator('legend', { hasText: 'Aylin Demir' }).count()).toBe(1);
		expect(await accessibilityViolations(page)).toEqual([]);
		await context.close();
	});

	it('refuses a partner the profile of another organisation', async () => {
		const { context } = await recordingContext(browser);
		const page = await context.newPage();
		await logIn(page, 'partner.awo@kitz.example');
		// Its profile is public (it has published offers): readable, but without a form.
		expect((await page.goto(`${baseUrl}/de/office/organisations/${vhs}`))?.status()).toBe(200);
		expect(await page.locator('form.organisation-form').count()).toBe(0);
		const response = await page.request.post(`${baseUrl}/de/office/organisations/${vhs}`, {
			form: { name: 'Übernommen', kind: 'other' },
			headers: { origin: baseUrl }
		});
		expect(response.status()).toBe(403);
		expect((await page.goto(`${baseUrl}/de/office/organisations/${vhs}/contacts`))?.status()).toBe(
			403
		);
		await context.close();
	});
});
