import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDistrict } from '../support/demo.js';
import { e2eApp } from '../support/e2e-app.js';
import { committeeListSchema } from '../../src/lib/server/api/committee-schemas.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { createTestAccount } from '../factories/account.factory.js';
import { launchBrowser, recordingContext } from '../support/browser.js';
import { clickAndLoad, expectAccessible, logIn } from '../support/office.js';

const baseUrl = e2eApp().baseUrl;
const COORDINATOR = { email: 'greta.gremien@kitz.example', password: 'Greta lange Passphrase' };
const COMMITTEE = 'Beirat für Teilhabe (E2E)';
let browser: Browser;
/** Every page the journey visits, without the language, for the accessibility check. */
const visited = new Set<string>();
let signedIn: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;

beforeAll(async () => {
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const db = database.db;
		const district = await demoDistrict(db);
		await createTestAccount(db, {
			districtId: district.id,
			email: COORDINATOR.email,
			name: 'Greta Gremien',
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

function remember(page: Page) {
	visited.add(new URL(page.url()).pathname.replace(/^\/de\//, '/'));
}

/** Chooses a person from the directory in the member form by the start of their name. */
async function choosePerson(page: Page, name: string) {
	const value = await page
		.locator('#member-contactId option', { hasText: name })
		.getAttribute('value');
	await page.selectOption('#member-contactId', value!);
}

describe('a coordinator keeps the committee register through the forms (no JavaScript)', () => {
	it('creates a committee and a term, adds members up to the seats, records figures shown as "fewer than 5"', async () => {
		const { context } = await recordingContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await logIn(page, baseUrl, COORDINATOR);
		await page.goto(`${baseUrl}/de/office`);
		await clickAndLoad(page, '.office-nav a:text("Gremien")');
		remember(page);
		expect(await page.locator('table.data tbody tr').count()).toBeGreaterThanOrEqual(15);
		await clickAndLoad(page, 'a:text("Neues Gremium")');
		remember(page);

		await clickAndLoad(page, 'button:text("Gremium anlegen")');
		expect(await page.locator('#name-error').innerText()).toBe('Bitte ausfüllen oder auswählen.');
		expect(await page.locator('#seats-error').innerText()).toBe(
			'Bitte die Zahl der Sitze als ganze Zahl angeben.'
		);
		await page.fill('#name', COMMITTEE);
		await page.selectOption('#type', 'integration_advisory_board');
		await page.fill('#body', 'Amt Mittelangeln');
		await page.fill('#seats', '2');
		await clickAndLoad(page, 'button:text("Gremium anlegen")');
		expect(await page.locator('h1').innerText()).toBe(COMMITTEE);
		remember(page);

		// A term that ends before it starts is refused at the end date.
		await clickAndLoad(page, 'a:text("Neue Amtszeit")');
		remember(page);
		await page.fill('#startsOn', '2025-05-01');
		await page.fill('#endsOn', '2025-04-30');
		await clickAndLoad(page, 'button:text("Amtszeit anlegen")');
		expect(await page.locator('#endsOn-error').innerText()).toBe('Das Ende liegt vor dem Beginn.');
		await page.fill('#endsOn', '2030-04-30');
		await clickAndLoad(page, 'button:text("Amtszeit anlegen")');
		expect(await page.locator('[role=status]').innerText()).toBe('Die Amtszeit ist gespeichert.');
		remember(page);

		// Two seats: two people with consent fit, a third is refused with the seats named.
		for (const name of ['Ahmad Haddad', 'Olena Kovalenko']) {
			await choosePerson(page, name);
			await clickAndLoad(page, 'button:text("Mitglied eintragen")');
			expect(await page.locator('[role=status]').innerText()).toBe('Das Mitglied ist eingetragen.');
		}
		await choosePerson(page, 'Rami Al-Khatib');
		await clickAndLoad(page, 'button:text("Mitglied eintragen")');
		expect(await page.locator('#member-contactId-error').innerText()).toBe(
			'Alle 2 Sitze sind in dieser Zeit besetzt; es können nicht mehr Mitglieder eingetragen werden.'
		);
		expect(await page.locator('table.data tbody th').allInnerTexts()).toEqual([
			'Ahmad Haddad',
			'Olena Kovalenko'
		]);

		// Counts above the seats are refused; small ones come back only as "weniger als 5".
		const counts = { answered: '3', migrationHistory: '1', women: '2', men: '1' };
		for (const [name, value] of Object.entries(counts)) await page.fill(`#figures-${name}`, value);
		await page.fill('#figures-diverse', '0');
		await page.fill('#figures-genderNotStated', '0');
		await clickAndLoad(page, 'button:text("Zahlen speichern")');
		expect(await page.locator('#figures-answered-error').innerText()).toBe(
			'Es können nicht mehr Mitglieder geantwortet haben, als die Amtszeit Sitze hat (2).'
		);
		await page.fill('#figures-answered', '2');
		await page.fill('#figures-women', '1');
		await clickAndLoad(page, 'button:text("Zahlen speichern")');
		expect(await page.locator('[role=status]').innerText()).toBe('Die Zahlen sind gespeichert.');
		const shown = page.locator('section[aria-labelledby=figures-heading] table.data tbody td');
		expect((await shown.allInnerTexts()).filter(Boolean)).toEqual(Array(6).fill('weniger als 5'));
		expect(await page.inputValue('#figures-answered')).toBe('');

		await clickAndLoad(page, 'a:text("Amtszeit bearbeiten")');
		remember(page);
		await clickAndLoad(page, `.breadcrumb a:text("${COMMITTEE}")`);
		expect(await page.locator('.chart-figure table').innerText()).toContain('weniger als 5');
		expect(await page.locator('.facts').innerText()).toContain('Freie Sitze\n0');
		for (const link of ['Gremium bearbeiten', 'Gremium löschen']) {
			await clickAndLoad(page, `a:text("${link}")`);
			remember(page);
			await page.goBack();
		}
		signedIn = await context.storageState();
		await context.close();
	});

	it.each(['de', 'en'])(
		'passes axe (WCAG 2.1 AA) on every committee page, in %s',
		async (locale) => {
			// axe runs as a script in the page, so this context has JavaScript; the session is the
			// journey's, second factor included.
			const { context } = await recordingContext(browser, { storageState: signedIn });
			const page = await context.newPage();
			expect(visited.size).toBe(8);
			for (const path of visited) {
				const response = await page.goto(`${baseUrl}/${locale}${path}`);
				expect(response?.status(), path).toBe(200);
				await expectAccessible(page);
			}
			await page.goto(`${baseUrl}/${locale}/office/committees/new`);
			await clickAndLoad(page, 'main form button[type=submit]');
			expect(await page.locator('#name-error').count()).toBe(1);
			await expectAccessible(page);
			await context.close();
		}
	);

	it('serves the public committees in the API, internal ones and members never, small counts only as words', async () => {
		const response = await fetch(`${baseUrl}/api/v1/committees?district=schleswig-flensburg`);
		expect(response.status).toBe(200);
		const body = committeeListSchema.parse(await response.json());
		const names = body.items.map((item) => item.name);
		expect(names).toContain('Integrationsbeirat des Kreises Schleswig-Flensburg');
		// The journey's committee is internal.
		expect(names).not.toContain(COMMITTEE);
		const text = JSON.stringify(body);
		expect(text).toContain('"fewer_than_5"');
		expect(text).not.toContain('Ahmad Haddad');
	});
});
