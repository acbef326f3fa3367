import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { createTestAccount } from '../factories/account.factory.js';
import { launchBrowser, recordingContext } from '../support/browser.js';
import { demoDistrict } from '../support/demo.js';
import { e2eApp } from '../support/e2e-app.js';
import { clickAndLoad, expectAccessible, logIn } from '../support/office.js';

const baseUrl = e2eApp().baseUrl;
const COORDINATOR = { email: 'sina.suche@kitz.example', password: 'Sina lange Passphrase' };
const PHRASE = 'Almanca kursu Kappeln';
let browser: Browser;
/** The coordinator's session after the first test's log-in (with the second factor set up). */
let signedIn: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;

beforeAll(async () => {
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const district = await demoDistrict(database.db);
		await createTestAccount(database.db, {
			districtId: district.id,
			email: COORDINATOR.email,
			name: 'Sina Suche',
			role: 'coordinator',
			password: COORDINATOR.password
		});
	} finally {
		await database.close();
	}
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The German course's row in the list, found by its key. */
const courseRow = (page: Page) =>
	page.locator('table.data tbody tr', {
		has: page.locator('code', { hasText: /^german-course$/ })
	});

async function turkishPhrases(page: Page): Promise<number> {
	const item = courseRow(page).locator('.phrase-counts li', { hasText: 'Türkçe' });
	if ((await item.count()) === 0) return 0;
	return Number((await item.innerText()).replace(/\D/g, ''));
}

describe('a coordinator keeps the search thesaurus', () => {
	it('adds a Turkish phrase to the German course without JavaScript and sees it listed', async () => {
		const { context } = await recordingContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await logIn(page, baseUrl, COORDINATOR);
		await page.goto(`${baseUrl}/de/office`);
		await clickAndLoad(page, '.office-nav a:text("Suchbegriffe")');
		expect(await page.locator('h1').innerText()).toBe('Suchbegriffe');
		const before = await turkishPhrases(page);
		await clickAndLoad(page, 'table.data tbody tr:has(code:text-is("german-course")) th a');

		// A broken key is refused at its input; the phrase typed meanwhile is still there.
		const typed = `${await page.inputValue('#phrases-tr')}\n${PHRASE}`;
		await page.fill('#phrases-tr', typed);
		await page.fill('#key', 'German Course');
		await clickAndLoad(page, 'button:text("Speichern")');
		expect(await page.locator('#key-error').innerText()).toContain('Kleinbuchstaben');
		expect(await page.locator('.error[role=alert] a[href="#key"]').count()).toBe(1);
		expect(await page.inputValue('#phrases-tr')).toBe(typed);

		await page.fill('#key', 'german-course');
		await clickAndLoad(page, 'button:text("Speichern")');
		expect(await page.locator('[role=status]').innerText()).toContain('Gespeichert');
		expect(await turkishPhrases(page)).toBe(before + 1);

		await clickAndLoad(page, 'table.data tbody tr:has(code:text-is("german-course")) th a');
		expect((await page.inputValue('#phrases-tr')).split('\n')).toContain(PHRASE);

		const download = await context.request.get(
			`${baseUrl}/de/office/search-concepts/thesaurus.json`
		);
		expect(download.headers()['content-disposition']).toContain('thesaurus.json');
		const file = (await download.json()) as {
			concepts: { key: string; phrases: { tr?: string[] } }[];
		};
		const course = file.concepts.find((concept) => concept.key === 'german-course');
		expect(course?.phrases.tr).toContain(PHRASE);
		signedIn = await context.storageState();
		await context.close();
	});

	it('passes axe on the list and the edit page in German and English', async () => {
		const { context } = await recordingContext(browser, { storageState: signedIn });
		const page = await context.newPage();
		for (const locale of ['de', 'en']) {
			await page.goto(`${baseUrl}/${locale}/office/search-concepts`);
			expect(await page.locator('h1').innerText()).toBe(
				locale === 'de' ? 'Suchbegriffe' : 'Search thesaurus'
			);
			await expectAccessible(page);
			await clickAndLoad(page, 'table.data tbody tr:has(code:text-is("german-course")) th a');
			await expectAccessible(page);
		}
		await context.close();
	});
});
