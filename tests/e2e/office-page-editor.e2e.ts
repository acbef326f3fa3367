import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDistrict } from '../support/demo.js';
import { e2eApp } from '../support/e2e-app.js';
import { createTestAccount } from '../factories/account.factory.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { launchBrowser, recordingContext } from '../support/browser.js';
import { clickAndLoad, logIn } from '../support/office.js';

const baseUrl = e2eApp().baseUrl;
const COORDINATOR = { email: 'carla.content@kitz.example', password: 'Carla lange Passphrase' };
const ARABIC_SUMMARY = 'تنسّق KITZ العمل المشترك لكل من يصنع الاندماج في المقاطعة.';
const ARABIC_ROLE = 'منسقة الاندماج الإقليمي';
let browser: Browser;
let joanna = 0;

beforeAll(async () => {
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const db = database.db;
		joanna = (
			await db
				.selectFrom('contactPersons')
				.select('id')
				.where('name', '=', 'Joanna Wilkonska-Malla')
				.executeTakeFirstOrThrow()
		).id;
		const district = await demoDistrict(db);
		await createTestAccount(db, {
			districtId: district.id,
			email: COORDINATOR.email,
			name: 'Carla Content',
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

describe('a coordinator edits the KITZ page', () => {
	it('changes an Arabic text and a contact’s Arabic role, and /ar/kitz shows both (no JavaScript)', async () => {
		const { context, consoleErrors } = await recordingContext(browser, {
			javaScriptEnabled: false
		});
		const page = await context.newPage();
		await logIn(page, baseUrl, COORDINATOR);
		await page.goto(`${baseUrl}/de/office`);
		await clickAndLoad(page, 'a[href$="/office/pages/kitz"]');
		// axe needs JavaScript; office-accessibility.e2e.ts checks this page with it.
		expect(await page.locator('h1').innerText()).toBe('KITZ-Seite bearbeiten');

		// A summary that is too long is refused with a message at the input; nothing is lost.
		await page
			.locator('details', { has: page.locator('#tr\\.ar\\.summary') })
			.locator('summary')
			.click();
		await page.fill('#tr\\.ar\\.summary', 'ب'.repeat(501));
		await clickAndLoad(page, 'button:text("Texte speichern")');
		expect(await page.locator('#tr\\.ar\\.summary-error').innerText()).toContain('500');
		expect(await page.inputValue('#tr\\.ar\\.summary')).toHaveLength(501);

		await page.fill('#tr\\.ar\\.summary', ARABIC_SUMMARY);
		await clickAndLoad(page, 'button:text("Texte speichern")');
		expect(await page.locator('[role=status]').innerText()).toContain('Gespeichert');

		await page.fill(`#contact-${joanna}-role\\.ar`, ARABIC_ROLE);
		await clickAndLoad(page, `#contact-${joanna} button:text("Übersetzungen")`);
		expect(await page.inputValue(`#contact-${joanna}-role\\.ar`)).toBe(ARABIC_ROLE);

		await page.goto(`${baseUrl}/ar/kitz`);
		expect(await page.locator('.lead').innerText()).toBe(ARABIC_SUMMARY);
		const card = page.locator('.contacts li.box', { hasText: 'Joanna Wilkonska-Malla' });
		expect(await card.innerText()).toContain(ARABIC_ROLE);
		// The refused post answers 400, which Chromium logs; nothing else may go wrong.
		expect(consoleErrors.filter((error) => !error.includes('status of 400'))).toEqual([]);
	});
});
