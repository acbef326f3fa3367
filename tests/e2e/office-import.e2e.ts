import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import {
	accessibilityViolations,
	downloadedBytes,
	launchBrowser,
	recordingContext
} from '../support/browser.js';
import { clickAndLoad as submit } from '../support/office.js';

const baseUrl = e2eApp().baseUrl;
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
});

async function download(page: Page, selector: string) {
	const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
	return { name: file.suggestedFilename(), content: await downloadedBytes(file) };
}

/** The template's CSV with one cell of the example row replaced. */
function withCell(template: string, column: string, value: string): Buffer {
	const [header, example] = template.replace(/^\uFEFF/, '').split('\r\n');
	const columns = header!.split(';');
	// The example row quotes only its recurrence rule; split it the same way.
	const cells = example!.match(/("[^"]*"|[^;]*)(;|$)/g)!.map((cell) => cell.replace(/;$/, ''));
	cells[columns.indexOf(column)] = value;
	return Buffer.from(`\uFEFF${header}\r\n${cells.slice(0, columns.length).join(';')}\r\n`);
}

describe('a partner editor imports offers from the template', () => {
	it('downloads the template, sees the row problem, fixes it and imports', async () => {
		const { context, consoleErrors } = await recordingContext(browser);
		const page = await context.newPage();
		await page.goto(`${baseUrl}/de/login`);
		await page.fill('#email', 'partner.vhs@kitz.example');
		await page.fill('#password', 'kitz-demo-2026!');
		await submit(page, 'form.box button[type=submit]');
		await submit(page, 'a[href$="/office/import"]');
		expect(await page.locator('h1').innerText()).toBe('Angebote importieren');
		expect(await accessibilityViolations(page)).toEqual([]);

		const template = await download(page, 'a[href$="/import/template.csv"]');
		expect(template.name).toBe('kitz-angebote-vorlage.csv');
		const text = template.content.toString('utf8');
		expect(text.startsWith('\uFEFFTitel;Kurzbeschreibung;')).toBe(true);
		const xlsx = await download(page, 'a[href$="/import/template.xlsx"]');
		expect(xlsx.content.subarray(0, 2).toString()).toBe('PK');

		const upload = (buffer: Buffer) =>
			page.setInputFiles('#file', { name: 'angebote.csv', mimeType: 'text/csv', buffer });
		await upload(withCell(text, 'Handlungsfelder', 'Sprache, Sprachkurs'));
		await submit(page, 'form.box button[type=submit]:not([formaction])');
		expect(await page.locator('[role=alert]').innerText()).toContain('Es wurde nichts importiert');
		const report = page.locator('table.exchange-report');
		expect(await report.locator('caption').innerText()).toBe(
			'Fehler in der Datei, Zeile für Zeile'
		);
		const row = await report.locator('tbody tr').first().innerText();
		expect(row).toContain('Zeile 2');
		expect(row).toContain('Handlungsfelder');
		expect(row).toContain('„Sprachkurs“ ist kein bekanntes Handlungsfeld. Erlaubt sind: Wohnen,');
		expect(await accessibilityViolations(page)).toEqual([]);

		await upload(withCell(text, 'Titel', 'Deutschkurs am Abend (E2E)'));
		await submit(page, 'form.box button[type=submit]:not([formaction])');
		expect(await page.locator('[role=status]').innerText()).toContain('Die Datei ist fehlerfrei');
		expect(await page.locator('table.exchange-report tbody').innerText()).toContain(
			'Volkshochschule Kappeln'
		);
		expect(await accessibilityViolations(page)).toEqual([]);
		await submit(page, '[role=status] form button[type=submit]');
		expect(await page.locator('[role=status]').innerText()).toContain('Angebote importiert: 1');

		// Importing with a file straight away checks it the same way.
		await upload(withCell(text, 'Ort', 'Atlantis'));
		await submit(page, 'form.box button[formaction]');
		expect(await page.locator('table.exchange-report').innerText()).toContain(
			'Den Ort oder die Postleitzahl „Atlantis“ kennen wir nicht.'
		);
		// A file over the server's body limit (BODY_SIZE_LIMIT, 512 KB by default) gets a message too.
		expect(await page.locator('main').innerText()).toContain('Höchstens 512 KB');
		await upload(withCell(text, 'Beschreibung', 'x'.repeat(700_000)));
		await submit(page, 'form.box button[type=submit]:not([formaction])');
		expect(await page.locator('[role=alert]').innerText()).toContain(
			'Die Datei ist nicht angekommen, vielleicht ist sie zu groß (höchstens 512 KB).'
		);
		// Refused files answer 400 (the browser logs that); anything else, a CSP violation say, is a fault.
		expect(consoleErrors.filter((error) => !error.includes('status of 400'))).toEqual([]);
		await context.close();
	});

	it('exports the partner’s own published offers, filtered like the search', async () => {
		const { context } = await recordingContext(browser);
		const page = await context.newPage();
		await page.goto(`${baseUrl}/de/login`);
		await page.fill('#email', 'partner.vhs@kitz.example');
		await page.fill('#password', 'kitz-demo-2026!');
		await submit(page, 'form.box button[type=submit]');
		await submit(page, 'a[href$="/office/export"]');
		expect(await accessibilityViolations(page)).toEqual([]);
		await page.check('input[name=field][value=language]');
		await submit(page, 'form.box button[type=submit]');
		expect(page.url()).toContain('field=language');
		expect(await page.locator('[role=status]').first().innerText()).toMatch(
			/Passende Angebote: \d+/
		);
		expect(await accessibilityViolations(page)).toEqual([]);
		const csv = await download(page, 'a[href*="/export/offers.csv"]');
		expect(csv.content.toString('utf8').startsWith('\uFEFFTitel;')).toBe(true);
		const offers: Record<string, string>[] = parse(csv.content, {
			bom: true,
			delimiter: ';',
			columns: true
		});
		expect(offers.length).toBeGreaterThan(0);
		for (const offer of offers) {
			expect(offer['Träger']).toBe('Volkshochschule Kappeln');
			expect(offer['Handlungsfelder']).toContain('Sprache');
		}
		const hsds = await download(page, 'a[href*="/export/offers.hsds.json"]');
		expect(JSON.parse(hsds.content.toString('utf8')).total_items).toBe(offers.length);
		await context.close();
	});
});
