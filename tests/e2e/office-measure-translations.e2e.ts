import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDistrict } from '../support/demo.js';
import { e2eApp } from '../support/e2e-app.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { createMeasure } from '../../src/lib/server/measures/measures.service.js';
import { createTestAccount, factoryEditor } from '../factories/account.factory.js';
import { launchBrowser, recordingContext } from '../support/browser.js';
import { clickAndLoad, logIn } from '../support/office.js';

const baseUrl = e2eApp().baseUrl;
const COORDINATOR = { email: 'tarek.translate@kitz.example', password: 'Tarek lange Passphrase' };
const ARABIC_TITLE = 'مقهى الآباء والأمهات في شليسفيغ';
let browser: Browser;
let measureId = 0;

beforeAll(async () => {
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const db = database.db;
		const district = await demoDistrict(db);
		await createTestAccount(db, {
			districtId: district.id,
			email: COORDINATOR.email,
			name: 'Tarek Translate',
			role: 'coordinator',
			password: COORDINATOR.password
		});
		measureId = await createMeasure(
			db,
			await factoryEditor(db, district.id),
			{
				title: 'Elterncafé Schleswig',
				description: 'Eltern treffen sich monatlich mit Fachleuten aus Kita und Schule.',
				actionFields: ['associations'],
				goalIds: [],
				leadOrganisationId: null,
				partnerOrganisationIds: [],
				responsibleContactId: null,
				startsOn: '2026-03-01',
				endsOn: null,
				progressMode: 'milestones',
				isPublic: true,
				links: [],
				decisionId: null
			},
			{ status: 'planned', statusOn: '2026-02-01', reason: '' }
		);
	} finally {
		await database.close();
	}
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('a coordinator translates a public measure', () => {
	it('refuses a description too long at its input, saves the Arabic one, and /ar/measures shows it (no JavaScript)', async () => {
		const { context } = await recordingContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await logIn(page, baseUrl, COORDINATOR);
		await page.goto(`${baseUrl}/de/office/measures/${measureId}`);
		await page
			.locator('details', { has: page.locator('#tr\\.ar\\.title') })
			.locator('summary')
			.click();
		// The text area has no length limit in the browser: the server's message shows at it.
		await page.fill('#tr\\.ar\\.title', ARABIC_TITLE);
		await page.fill('#tr\\.ar\\.description', 'ب'.repeat(10_001));
		await clickAndLoad(page, 'button:text("Übersetzungen speichern")');
		expect(await page.locator('#tr\\.ar\\.description-error').innerText()).toBe(
			'Dieser Text ist zu lang.'
		);
		expect(await page.inputValue('#tr\\.ar\\.description')).toHaveLength(10_001);
		expect(await page.inputValue('#tr\\.ar\\.title')).toBe(ARABIC_TITLE);

		await page.fill('#tr\\.ar\\.description', '');
		await clickAndLoad(page, 'button:text("Übersetzungen speichern")');
		expect(await page.locator('[role=status]').innerText()).toContain('gespeichert');
		expect(await page.inputValue('#tr\\.ar\\.title')).toBe(ARABIC_TITLE);

		await page.goto(`${baseUrl}/ar/measures`);
		const card = page.locator('li.box', { hasText: ARABIC_TITLE });
		expect(await card.locator('h3').innerText()).toBe(ARABIC_TITLE);
		// The description is not translated yet: German, marked as such.
		expect(await card.locator('[lang="de"]').first().innerText()).toContain('Eltern treffen');
		expect(await card.innerText()).toContain('بالألمانية فقط');
		await context.close();
	});
});
