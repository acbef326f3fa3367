import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { readXlsx } from '../../src/lib/shared/files/xlsx.js';
import { createTestAccount } from '../factories/account.factory.js';
import { launchBrowser, recordingContext } from '../support/browser.js';
import { demoDistrict } from '../support/demo.js';
import { clickAndLoad, expectAccessible, logIn } from '../support/office.js';

/**
 * Intercultural opening (issue 12), without JavaScript: the demo's VHS partner fills in a
 * self-assessment (saves a draft, comes back, is told what is missing, submits) and adds an
 * improvement action; a coordinator compares the two rounds of the Ausländerbehörde, turns an
 * action into a measure, reads the district view and its export, and edits the instrument.
 * Axe runs once per page template, in German and in English, with JavaScript on (axe needs it).
 */
const baseUrl = e2eApp().baseUrl;
const PARTNER = { email: 'partner.vhs@kitz.example', password: 'kitz-demo-2026!' };
const COORDINATOR = {
	email: 'oskar.oeffnung@kitz.example',
	password: 'Oskars Öffnungs-Passphrase'
};
const ROUND = '2026 (E2E)';
let browser: Browser;
/** A unit the VHS partner has nothing to do with. */
let awoUnitId = 0;

beforeAll(async () => {
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const db = database.db;
		const district = await demoDistrict(db);
		await createTestAccount(db, {
			districtId: district.id,
			email: COORDINATOR.email,
			name: 'Oskar Öffnung',
			role: 'coordinator',
			password: COORDINATOR.password
		});
		awoUnitId = (
			await db
				.selectFrom('openingUnits')
				.select('id')
				.where('name', 'like', 'AWO%')
				.executeTakeFirstOrThrow()
		).id;
	} finally {
		await database.close();
	}
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Every page template the journeys visit (address without the language), for the axe check. */
const visited = new Set<string>();
let signedIn: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;

function remember(page: Page) {
	const url = new URL(page.url());
	visited.add(url.pathname.replace(/^\/de\//, '/') + url.search);
}

const errorLinks = (page: Page) => page.locator('.error[role=alert] li a').allInnerTexts();

describe('intercultural opening in the back office (no JavaScript)', () => {
	it('a partner fills in a self-assessment, saves, comes back, is told what is missing and submits', async () => {
		const { context } = await recordingContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await logIn(page, baseUrl, PARTNER);
		await page.goto(`${baseUrl}/de/office`);
		await clickAndLoad(page, '.office-nav a:text("Interkulturelle Öffnung")');
		remember(page);
		// A partner sees their organisation's unit only.
		expect(await page.locator('table.data tbody th').allInnerTexts()).toEqual([
			'Volkshochschule Kappeln'
		]);
		await clickAndLoad(page, 'a:text("Volkshochschule Kappeln")');
		const unitUrl = page.url();

		await clickAndLoad(page, 'button:text("Runde beginnen")');
		expect(await page.locator('#label-error').innerText()).toBe(
			'Bitte füllen Sie dieses Feld aus.'
		);
		await page.fill('#label', ROUND);
		await clickAndLoad(page, 'button:text("Runde beginnen")');
		expect(await page.locator('h1').innerText()).toBe(
			`Selbstbewertung Volkshochschule Kappeln, Runde ${ROUND}`
		);
		const editUrl = page.url();

		await page.check('input[name="level-mission-statement"][value="3"]');
		await page.check('input[name="level-mission-leadership"][value="2"]');
		await page.check('input[name="level-mission-data"][value="na"]');
		await page.fill('#comment-mission-statement', 'Steht seit 2025 im Leitbild.');
		await clickAndLoad(page, 'button:text("Entwurf speichern")');
		expect(await page.locator('p[role=status]').innerText()).toBe('Der Entwurf ist gespeichert.');

		// Away and back: the draft is still there.
		await page.goto(unitUrl);
		await clickAndLoad(page, `a:text("${ROUND}")`);
		await clickAndLoad(page, 'a:text("Selbstbewertung ausfüllen")');
		expect(page.url()).toBe(editUrl);
		expect(await page.isChecked('input[name="level-mission-statement"][value="3"]')).toBe(true);
		expect(await page.isChecked('input[name="level-mission-data"][value="na"]')).toBe(true);
		expect(await page.inputValue('#comment-mission-statement')).toBe(
			'Steht seit 2025 im Leitbild.'
		);

		// Submitting too early names every item still missing, linked to it; nothing changes.
		await clickAndLoad(page, 'button:text("Abschließen")');
		const missing = await errorLinks(page);
		expect(missing).toHaveLength(18);
		expect(missing[0]).toBe(
			'„Stellenanzeigen laden ausdrücklich Menschen mit Einwanderungsgeschichte zur Bewerbung ein.“: Bitte bewerten Sie diese Aussage oder wählen Sie „Trifft nicht zu“.'
		);
		expect(await page.locator('.error[role=alert] li a').first().getAttribute('href')).toBe(
			'#item-staff-ads'
		);
		expect(await page.isChecked('input[name="level-mission-statement"][value="3"]')).toBe(true);

		for (const group of await page.locator('fieldset[id^=item-]').all())
			if (!(await group.locator('input:checked').count()))
				await group.locator('input[value="2"]').check();
		await clickAndLoad(page, 'button:text("Abschließen")');
		expect(await page.locator('p[role=status]').first().innerText()).toBe(
			'Die Selbstbewertung ist abgeschlossen. Danke!'
		);
		expect(await page.locator('.chart-figure svg[role=img]').count()).toBe(1);
		// Leitbild und Strategie: 3 and 2 rated, the third not applicable.
		expect(
			await page.locator('.chart-figure tr', { hasText: 'Leitbild und Strategie' }).innerText()
		).toContain('2,5');
		expect(await page.locator('a:text("Selbstbewertung ausfüllen")').count()).toBe(0);
		expect(await page.locator('button:text("Als Maßnahme anlegen")').count()).toBe(0);

		// An improvement action: nothing given is refused at each input.
		await clickAndLoad(page, 'button:text("Hinzufügen")');
		expect(await page.locator('#what-error').innerText()).toBe('Bitte füllen Sie dieses Feld aus.');
		expect(await page.locator('#who-error').innerText()).toBe(
			'Bitte sagen Sie, wer es übernimmt: in Worten oder als Organisation.'
		);
		await page.fill('#what', 'Anmeldeformular auch auf Ukrainisch');
		await page.fill('#who', 'Kursverwaltung');
		await clickAndLoad(page, 'button:text("Hinzufügen")');
		expect(await page.locator('#actions ~ table').innerText()).toContain(
			'Anmeldeformular auch auf Ukrainisch'
		);
		remember(page);

		// Another organisation's unit is not theirs to see.
		const response = await page.goto(`${baseUrl}/de/office/opening/units/${awoUnitId}`);
		expect(response?.status()).toBe(403);
		await context.close();
	});

	it('a coordinator compares two rounds, turns an action into a measure and reads the district view', async () => {
		const { context } = await recordingContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await logIn(page, baseUrl, COORDINATOR);
		await page.goto(`${baseUrl}/de/office`);
		await clickAndLoad(page, '.office-start a:text("Interkulturelle Öffnung")');
		await clickAndLoad(page, 'a:text("Fachdienst Ausländerangelegenheiten")');

		await page.selectOption('#compare-a', { label: '2024' });
		await page.selectOption('#compare-b', { label: '2026' });
		await clickAndLoad(page, 'button:text("Vergleichen")');
		const row = page.locator('table.data tr', { hasText: 'Leitbild und Strategie' }).first();
		expect(await row.locator('td').allInnerTexts()).toEqual(['0,7', '1,7', '+1']);
		expect(await page.locator('.chart-figure svg[role=img]').count()).toBe(1);
		remember(page);

		await clickAndLoad(page, 'a:text("2026")');
		await clickAndLoad(page, 'button:has-text("Als Aufgabe anlegen: Beschwerdeweg")');
		expect(await page.locator('.error[role=alert]').innerText()).toContain(
			'Für eine Aufgabe braucht der Schritt eine Organisation, die ihn übernimmt.'
		);
		await clickAndLoad(page, 'button:has-text("Als Maßnahme anlegen: Hospitation")');
		expect(await page.locator('p[role=status]').innerText()).toBe(
			'Die Maßnahme ist als Idee angelegt.'
		);
		await clickAndLoad(page, 'tr:has-text("Hospitation") a:text("Zur Maßnahme")');
		expect(await page.locator('h1').innerText()).toBe(
			'Hospitation bei migrantischen Vereinen im Kreis'
		);

		await page.goto(`${baseUrl}/de/office/opening`);
		await clickAndLoad(page, 'a:text("Überblick im Kreis")');
		expect(await page.locator('table.data').first().locator('tbody tr').count()).toBe(7);
		remember(page);
		const file = await context.request.get(`${baseUrl}/de/office/opening/district/export.xlsx`);
		const rows = await readXlsx(await file.body());
		expect(rows[0]![0]).toBe('Dimension');
		expect(rows).toHaveLength(8);

		await page.goto(`${baseUrl}/de/office/opening`);
		await clickAndLoad(page, 'a:text("Bewertungsinstrument")');
		await page.fill('#dimensions-0-title-en', '');
		await page.fill(
			'#dimensions-0-new-de',
			'Die Einrichtung berichtet jährlich über ihre Fortschritte.'
		);
		await clickAndLoad(page, 'button:text("Instrument speichern")');
		expect(await errorLinks(page)).toEqual([
			'Bitte füllen Sie dieses Feld aus.',
			'Bitte füllen Sie dieses Feld aus.'
		]);
		expect(await page.locator('#dimensions-0-new-en-error').count()).toBe(1);
		expect(await page.inputValue('#dimensions-0-new-de')).toBe(
			'Die Einrichtung berichtet jährlich über ihre Fortschritte.'
		);
		remember(page);

		// Coordinators fill in for a unit without accounts of its own.
		await page.goto(`${baseUrl}/de/office/opening`);
		await clickAndLoad(page, 'a:text("Fachdienst Gesundheit")');
		await page.fill('#label', '2027 (E2E)');
		await clickAndLoad(page, 'button:text("Runde beginnen")');
		expect(await page.locator('h1').innerText()).toBe(
			'Selbstbewertung Fachdienst Gesundheit, Runde 2027 (E2E)'
		);
		remember(page);
		signedIn = await context.storageState();
		await context.close();
	});

	it('passes axe on every page template, in German and English', async () => {
		expect(visited.size).toBe(6);
		const context = await browser.newContext({ storageState: signedIn });
		const page = await context.newPage();
		for (const path of visited)
			for (const locale of ['de', 'en']) {
				await page.goto(`${baseUrl}/${locale}${path}`);
				await expectAccessible(page);
			}
		await context.close();
	});
});
