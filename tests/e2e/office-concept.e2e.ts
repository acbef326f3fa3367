import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDistrict } from '../support/demo.js';
import { e2eApp } from '../support/e2e-app.js';
import { createTestAccount } from '../factories/account.factory.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { launchBrowser, recordingContext } from '../support/browser.js';
import { clickAndLoad, expectAccessible, logIn } from '../support/office.js';

const baseUrl = e2eApp().baseUrl;
const COORDINATOR = { email: 'konrad.konzept@kitz.example', password: 'Konrad lange Passphrase' };
const VIEWER = { email: 'vera.view@kitz.example', password: 'Vera lange Passphrase' };
let browser: Browser;
/** The pages the coordinator made, for the viewer and the accessibility checks. */
const made = { goal: '', indicator: '' };

beforeAll(async () => {
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const db = database.db;
		const district = await demoDistrict(db);
		for (const [account, role, name] of [
			[COORDINATOR, 'coordinator', 'Konrad Konzept'],
			[VIEWER, 'viewer', 'Vera View']
		] as const)
			await createTestAccount(db, { districtId: district.id, ...account, role, name });
	} finally {
		await database.close();
	}
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const submit = (page: Page, form: string) =>
	clickAndLoad(page, `form[action="${form}"] button[type=submit]`);

describe('the integration concept in the back office', () => {
	it('a coordinator sets up a version, a goal and an indicator, and enters a value (no JavaScript)', async () => {
		const { context } = await recordingContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await logIn(page, baseUrl, COORDINATOR);
		await page.goto(`${baseUrl}/de/office`);
		await clickAndLoad(page, 'nav a[href$="/office/concept"]');
		expect(await page.locator('h1').innerText()).toBe('Integrationskonzept');

		// The demo's concept is there already, so the form for another version starts folded.
		if (!(await page.isVisible('#new-title')))
			await page.locator('details:has(#new-title) > summary').click();
		await page.fill('#new-title', 'Wir sind Vielfalt (Test)');
		await page.fill('#new-adoptedOn', '2024-03-01');
		await page.fill('#new-periodFrom', '2026');
		await page.fill('#new-periodTo', '2024');
		await submit(page, '?/createVersion');
		expect(await page.locator('#new-periodTo-error').innerText()).toBe(
			'Das letzte Jahr kann nicht vor dem ersten liegen.'
		);
		expect(await page.inputValue('#new-title')).toBe('Wir sind Vielfalt (Test)');
		await page.fill('#new-periodFrom', '2024');
		await page.fill('#new-periodTo', '2027');
		await submit(page, '?/createVersion');

		await page.selectOption('#actionField', 'language');
		await page.fill('#text', 'Alle erreichen das Sprachniveau, das sie brauchen.');
		await submit(page, '?/createGoal');
		expect(await page.locator('[role=status]').innerText()).toBe('Das Ziel ist angelegt.');
		made.goal = new URL(page.url()).pathname.replace(/^\/de/, '');

		await page.locator('details summary', { hasText: 'Neuer Indikator' }).click();
		await page.fill('#name', 'Teilnehmende an Sprachkursen');
		await page.fill('#unit', 'Personen');
		await page.fill('#baselineValue', '120');
		await page.fill('#baselineOn', '2025-01-01');
		await page.fill('#targetValue', 'zweihundert');
		await page.fill('#targetYear', '2024');
		await submit(page, '?/createIndicator');
		expect(await page.locator('#targetValue-error').innerText()).toContain('Bitte eine Zahl');
		expect(await page.locator('#targetYear-error').innerText()).toBe(
			'Das Zieljahr kann nicht vor dem Jahr des Ausgangswerts liegen.'
		);
		expect(await page.inputValue('#targetValue')).toBe('zweihundert');
		await page.fill('#targetValue', '200');
		await page.fill('#targetYear', '2027');
		await submit(page, '?/createIndicator');
		made.indicator = new URL(page.url()).pathname.replace(/^\/de/, '');

		await page.fill('#period', '2030');
		await page.fill('#value', '134,5');
		await submit(page, '?/recordValue');
		expect(await page.locator('#period-error').innerText()).toBe(
			'Dieser Zeitraum liegt außerhalb der Jahre des Konzepts.'
		);
		expect(await page.inputValue('#value')).toBe('134,5');
		await page.fill('#period', '2025');
		await submit(page, '?/recordValue');
		const row = page.locator('table.data tbody tr', { hasText: '2025' });
		expect(await row.innerText()).toContain('134,5 Personen');
		await context.close();
	});

	it('a viewer reads the indicator without forms', async () => {
		const { context } = await recordingContext(browser);
		const page = await context.newPage();
		await logIn(page, baseUrl, VIEWER);
		await page.goto(`${baseUrl}/de${made.indicator}`);
		expect(await page.locator('table.data tbody').innerText()).toContain('134,5 Personen');
		expect(await page.locator('form[method=POST]').count()).toBe(1); // log-out only
		await context.close();
	});

	it('has no accessibility violations in German and English', async () => {
		const { context } = await recordingContext(browser);
		const page = await context.newPage();
		await logIn(page, baseUrl, COORDINATOR);
		for (const locale of ['de', 'en'])
			for (const path of ['/office/concept', made.goal, made.indicator]) {
				await page.goto(`${baseUrl}/${locale}${path}`);
				await expectAccessible(page);
			}
		await context.close();
	});
});
