import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDistrict } from '../support/demo.js';
import { e2eApp } from '../support/e2e-app.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { createTestAccount } from '../factories/account.factory.js';
import { launchBrowser, recordingContext } from '../support/browser.js';
import { clickAndLoad, expectAccessible, logIn } from '../support/office.js';

const baseUrl = e2eApp().baseUrl;
const COORDINATOR = { email: 'chiara.chains@kitz.example', password: 'Chiara lange Passphrase' };
const CHAIN = 'Sprache bis Arbeit (E2E)';
let browser: Browser;
/** A published offer of the demo district, to include in a stage by hand. */
let offerTitle = '';
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
			name: 'Chiara Chains',
			role: 'coordinator',
			password: COORDINATOR.password
		});
		offerTitle = (
			await db
				.selectFrom('offers')
				.select('title')
				.where('districtId', '=', district.id)
				.where('status', '=', 'published')
				.orderBy('id')
				.executeTakeFirstOrThrow()
		).title;
	} finally {
		await database.close();
	}
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Notes the page's address (German) for the accessibility check in both languages. */
function remember(page: Page) {
	visited.add(new URL(page.url()).pathname.replace(/^\/de\//, '/'));
}

/** Fills and sends the stage form; `follows` names the stages to tick, all others unticked. */
async function fillStage(
	page: Page,
	stage: { title: string; follows?: string[]; field?: string; reach?: string }
) {
	await page.fill('#title', stage.title);
	for (const box of await page.locator('input[name=follows]').all()) await box.uncheck();
	for (const title of stage.follows ?? [])
		await page.locator('#follows label', { hasText: title }).locator('input').check();
	await page.check(`input[name=actionFields][value=${stage.field ?? 'language'}]`);
	await page.fill('#reachKm', stage.reach ?? '25');
}

async function addStage(page: Page, stage: Parameters<typeof fillStage>[1]) {
	await clickAndLoad(page, 'a:text("Stufe hinzufügen")');
	remember(page);
	await fillStage(page, stage);
	await clickAndLoad(page, 'button:text("Stufe anlegen")');
	expect(await page.locator('h1').innerText()).toBe(CHAIN);
}

/** A stage's card on the chain page, by the title in its heading. */
const stageCard = (page: Page, title: string) =>
	page.locator('article.stage', { has: page.locator('h4', { hasText: title }) });

/** The address of a stage's link on the chain page ("Stufe bearbeiten: Integrationskurs"). */
async function stageLink(page: Page, action: string, title: string): Promise<string> {
	const href = await stageCard(page, title).locator(`a:has-text("${action}")`).getAttribute('href');
	return `${baseUrl}${href}`;
}

describe('a coordinator builds a support chain through the forms (no JavaScript)', () => {
	it('creates a chain with a branch, refuses bad input and a cycle naming its stages, deletes and translates', async () => {
		const { context } = await recordingContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await logIn(page, baseUrl, COORDINATOR);
		await page.goto(`${baseUrl}/de/office`);
		await clickAndLoad(page, '.office-nav a:text("Förderketten")');
		remember(page);
		await clickAndLoad(page, 'a:text("Neue Förderkette")');
		remember(page);

		// Nothing filled in: a message at each input, nothing saved.
		await clickAndLoad(page, 'button:text("Förderkette anlegen")');
		expect(await page.locator('#title-error').innerText()).toBe(
			'Bitte füllen Sie dieses Feld aus.'
		);
		expect(await page.locator('#actionFields-error').innerText()).toBe(
			'Bitte mindestens ein Handlungsfeld wählen.'
		);
		await page.fill('#title', CHAIN);
		await page.fill('#publicTitle', 'Ihr Weg zur Arbeit');
		await page.fill('#introduction', 'Vom ersten Gespräch bis zur Arbeit, Schritt für Schritt.');
		await page.check('input[name=actionFields][value=language]');
		await page.check('input[name=actionFields][value=work]');
		await clickAndLoad(page, 'button:text("Förderkette anlegen")');
		expect(await page.locator('h1').innerText()).toBe(CHAIN);
		remember(page);

		await addStage(page, { title: 'Erstorientierung' });
		// A reach of 0 km, then a stage without any rule: refused at their inputs, as typed.
		await clickAndLoad(page, 'a:text("Stufe hinzufügen")');
		await fillStage(page, { title: 'Integrationskurs', reach: '0' });
		await clickAndLoad(page, 'button:text("Stufe anlegen")');
		expect(await page.locator('#reachKm-error').innerText()).toBe(
			'Bitte eine Entfernung von 1 bis 250 km eingeben.'
		);
		expect(await page.inputValue('#title')).toBe('Integrationskurs');
		await page.uncheck('input[name=actionFields][value=language]');
		await page.fill('#reachKm', '25');
		await clickAndLoad(page, 'button:text("Stufe anlegen")');
		expect(await page.locator('#rules-error').innerText()).toContain(
			'Bitte mindestens eine Regel setzen'
		);
		await fillStage(page, { title: 'Integrationskurs', follows: ['Erstorientierung'] });
		await clickAndLoad(page, 'button:text("Stufe anlegen")');
		await addStage(page, { title: 'Berufssprachkurs B2', follows: ['Integrationskurs'] });
		await addStage(page, {
			title: 'Ausbildung mit Begleitung',
			follows: ['Integrationskurs'],
			field: 'work'
		});

		// The branch: two stages on step 3, "3a" or "3b".
		const step3 = page.locator('.chain-steps > li', { hasText: 'Schritt 3' });
		expect(await step3.locator('h4').allInnerTexts()).toEqual([
			'3a. Berufssprachkurs B2',
			'3b. Ausbildung mit Begleitung'
		]);
		expect(await step3.locator('.or').innerText()).toBe('oder');
		expect(await stageCard(page, 'Erstorientierung').innerText()).toContain(
			'Handlungsfeld Sprache'
		);

		// A cycle is refused with the stages along it.
		await page.goto(await stageLink(page, 'Stufe bearbeiten', 'Erstorientierung'));
		remember(page);
		await page
			.locator('#follows label', { hasText: 'Berufssprachkurs B2' })
			.locator('input')
			.check();
		await clickAndLoad(page, 'button:text("Speichern")');
		expect(await page.locator('#follows-error').innerText()).toBe(
			'Das ergäbe einen Kreis: Erstorientierung → Integrationskurs → Berufssprachkurs B2 → Erstorientierung. Eine Förderkette läuft nur in eine Richtung.'
		);

		// An offer found by its title and included by hand, without JavaScript.
		await page
			.locator('#follows label', { hasText: 'Berufssprachkurs B2' })
			.locator('input')
			.uncheck();
		await page.fill('#offerQuery', offerTitle);
		await clickAndLoad(page, 'button:text("Angebote suchen")');
		await page.getByLabel(`aufnehmen: ${offerTitle}`, { exact: true }).first().check();
		await clickAndLoad(page, 'button:text("Speichern")');
		expect(await page.locator('[role=status]').innerText()).toBe('Gespeichert.');
		expect(await stageCard(page, 'Erstorientierung').innerText()).toContain(
			'Von Hand: 1 aufgenommen, 0 ausgeschlossen'
		);

		// A transition across the branch, then the same again: refused.
		for (const attempt of [1, 2]) {
			await page.selectOption('#fromStageId', { label: '1. Erstorientierung' });
			await page.selectOption('#toStageId', { label: '3a. Berufssprachkurs B2' });
			await clickAndLoad(page, 'button:text("Übergang anlegen")');
			if (attempt === 1)
				expect(await page.locator('[role=status]').innerText()).toBe('Der Übergang ist angelegt.');
		}
		expect(await page.locator('#toStageId-error').innerText()).toBe(
			'Diesen Übergang gibt es schon.'
		);
		expect(await page.locator('table.data tbody tr').count()).toBe(4);
		expect(await page.locator('.state-missing').first().innerText()).toContain('fehlt');

		// Deleting the middle stage asks, and bridging joins its neighbours.
		await page.goto(await stageLink(page, 'Stufe löschen', 'Integrationskurs'));
		expect(await page.locator('main form').innerText()).toContain(
			'neu: Erstorientierung → Ausbildung mit Begleitung'
		);
		await page.check('input[name=transitions][value=bridge]');
		await clickAndLoad(page, 'button:text("Stufe endgültig löschen")');
		expect(await page.locator('[role=status]').innerText()).toBe('Die Stufe ist gelöscht.');
		expect(await page.locator('article.stage h4').allInnerTexts()).toEqual([
			'1. Erstorientierung',
			'2a. Berufssprachkurs B2',
			'2b. Ausbildung mit Begleitung'
		]);
		// Another stage's delete page stays for the accessibility check.
		visited.add(
			new URL(await stageLink(page, 'Stufe löschen', 'Berufssprachkurs B2')).pathname.replace(
				/^\/de\//,
				'/'
			)
		);
		await page.goto(await stageLink(page, 'Stufe bearbeiten', 'Berufssprachkurs B2'));
		remember(page);
		await page.goBack();

		await clickAndLoad(page, 'a:text("Förderkette bearbeiten")');
		remember(page);
		await page.check('input[name=isPublic]');
		await clickAndLoad(page, 'button:text("Speichern")');
		expect(await page.locator('.facts').innerText()).toContain('öffentlich');

		// The public texts in Arabic.
		await clickAndLoad(page, 'a:text("Übersetzungen für das Portal")');
		remember(page);
		await page
			.locator('details', { has: page.locator('#tr\\.ar\\.publicTitle') })
			.locator('summary')
			.click();
		await page.fill('#tr\\.ar\\.publicTitle', 'طريقك إلى العمل');
		await clickAndLoad(page, 'button:text("Übersetzungen speichern")');
		expect(await page.locator('[role=status]').innerText()).toBe('Übersetzungen gespeichert.');
		expect(await page.inputValue('#tr\\.ar\\.publicTitle')).toBe('طريقك إلى العمل');
		remember(page);
		signedIn = await context.storageState();
		await context.close();
	});

	it.each(['de', 'en'])(
		'passes axe (WCAG 2.1 AA) on every chain page and its forms with messages, in %s',
		async (locale) => {
			// axe runs as a script in the page, so this context has JavaScript; the session is the
			// journey's, second factor included.
			const { context } = await recordingContext(browser, { storageState: signedIn });
			const page = await context.newPage();
			expect(visited.size).toBeGreaterThanOrEqual(8);
			for (const path of visited) {
				const response = await page.goto(`${baseUrl}/${locale}${path}`);
				expect(response?.status(), path).toBe(200);
				expect(new URL(page.url()).pathname).toBe(`/${locale}${path}`);
				await expectAccessible(page);
			}
			await page.goto(`${baseUrl}/${locale}/office/chains/new`);
			await clickAndLoad(page, 'main form button[type=submit]');
			expect(await page.locator('#title-error').count()).toBe(1);
			await expectAccessible(page);
			const chainPage = [...visited].find((path) => /chains\/\d+$/.test(path))!;
			await page.goto(`${baseUrl}/${locale}${chainPage}/stages/new`);
			await page.fill('#reachKm', '0');
			await clickAndLoad(page, 'main form > button[type=submit]');
			expect(await page.locator('#reachKm-error').count()).toBe(1);
			await expectAccessible(page);
			await context.close();
		}
	);
});
