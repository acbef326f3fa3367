import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { readXlsx } from '../../src/lib/shared/files/xlsx.js';
import { createTestAccount } from '../factories/account.factory.js';
import { createTestChain } from '../factories/chain.factory.js';
import { launchBrowser, recordingContext } from '../support/browser.js';
import { clickAndLoad as click, expectAccessible, logIn } from '../support/office.js';

/**
 * Issue 11's analysis pages: a coordinator opens the gap matrix of a chain the test builds over
 * the demo's offers, filters it by Arabic, sorts by a stage, reads the headline, downloads the
 * XLSX (the same distances as the page), and opens the district map, "what if" and the stage
 * page; axe on each of them in German and English.
 */
const baseUrl = e2eApp().baseUrl;
const COORDINATOR = { email: 'gesa.gaps@kitz.example', password: 'Gesas Lücken-Passphrase' };
const CHAIN = 'Sprache bis Arbeit (Analyse)';
let browser: Browser;
let session: Awaited<ReturnType<typeof recordingContext>>;
let page: Page;
let chainId = 0;
const stages: Record<string, number> = {};

beforeAll(async () => {
	browser = await launchBrowser();
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const db = database.db;
		const district = await db
			.selectFrom('districts')
			.select('id')
			.orderBy('id')
			.executeTakeFirstOrThrow();
		await createTestAccount(db, {
			districtId: district.id,
			email: COORDINATOR.email,
			name: 'Gesa Gaps',
			role: 'coordinator',
			password: COORDINATOR.password
		});
		const chain = await createTestChain(db, {
			districtId: district.id,
			title: CHAIN,
			stages: [
				{
					key: 'course',
					title: 'Integrationskurs',
					achieves: 'Deutsch bis B1 und der Orientierungskurs',
					rules: { actionFields: ['language'], keywords: ['Integrationskurs'] },
					reachKm: 25
				},
				{
					key: 'cafe',
					title: 'Sprachcafé',
					follows: ['course'],
					rules: { actionFields: ['language'], keywords: ['Sprachcafé'] },
					reachKm: 15
				}
			]
		});
		chainId = chain.chainId;
		Object.assign(stages, chain.stages);
	} finally {
		await database.close();
	}
	// One session for both tests: a second log-in would owe the second factor enrolled here.
	session = await recordingContext(browser);
	page = await session.context.newPage();
	await logIn(page, baseUrl, COORDINATOR);
});
afterAll(async () => {
	expect(session.consoleErrors).toEqual([]);
	await session.context.close();
	await browser.close();
});

/** Per municipality the distance the page shows in the stage's column ("12,3 km"), or "–". */
async function pageDistances(column: number): Promise<Map<string, string>> {
	// One read of the whole table: a round trip per cell took seconds for 124 municipalities.
	const rows = await page.locator('table.gap-matrix tbody tr:not(.gap-group)').evaluateAll(
		(trs, index) =>
			trs.map((tr) => {
				const name = (tr.querySelector('th') as HTMLElement | null)?.innerText.trim() ?? '';
				const link = tr.querySelectorAll('td')[1 + index]?.querySelector('a');
				return [name, link ? (link.innerText.split(':')[0] ?? '').trim() : '–'] as const;
			}),
		column
	);
	return new Map(rows);
}

// The tests share one signed-in session and build on each other.
describe('the gap matrix, the map, what if and the stage page', () => {
	it('filters by Arabic, sorts, and exports the figures the page shows', async () => {
		await page.goto(`${baseUrl}/de/office/chains/gaps`);
		expect(await page.locator('h1').innerText()).toBe('Lückenmatrix der Förderketten');
		// Axe checks the same table for one chain below (filtered, sorted, grouped by Amt): on every
		// chain's 2,000 cells it takes half a minute and finds nothing more.

		await page.selectOption('#gap-chain', String(chainId));
		await page.selectOption('#gap-language', 'ar');
		await click(page, '.gap-filters button[type=submit]');
		expect(page.url()).toContain('language=ar');
		const headlines = await page.locator('.gap-headlines li').allInnerTexts();
		expect(headlines).toHaveLength(2);
		expect(headlines[0]).toMatch(/„Integrationskurs“ mit Unterstützung auf Arabisch/);
		expect(headlines[0]).toMatch(/(Einwohnerinnen und Einwohner in \d+ Gemeinden?|Alle Gemeinden)/);
		// Sprachcafé in Arabic: only Tarp's, so most of the district lacks one within 15 km.
		expect(headlines[1]).toMatch(
			/^[\d.]+ Einwohnerinnen und Einwohner in \d+ Gemeinden erreichen „Sprachcafé“/
		);

		// Sorted by the café's distance: farthest first, the column says so.
		await click(page, `th a[href*="sort=stage-${stages.cafe}"]`);
		const sorted = page.locator('table.gap-matrix thead th').nth(3);
		expect(await sorted.getAttribute('aria-sort')).toBe('descending');
		expect(await page.locator('table.gap-matrix tr.gap-group').count()).toBe(0);
		const firstCafe = page.locator('table.gap-matrix tbody tr').first().locator('td').nth(2);
		expect(await firstCafe.innerText()).toContain('Lücke');
		await expectAccessible(page);

		// The XLSX: the same municipalities and distances, in the page's order.
		const shown = await pageDistances(0);
		const href = await page.locator('a[href*="export.xlsx"]').getAttribute('href');
		expect(href).toContain('language=ar');
		const rows = await readXlsx(
			new Uint8Array(await (await page.request.get(`${baseUrl}${href}`)).body())
		);
		expect(rows[0]!.slice(0, 5)).toEqual([
			'Gemeinde',
			'Amt',
			'Gemeindeschlüssel',
			'Einwohner',
			`${CHAIN} · 1. Integrationskurs – Entfernung (km)`
		]);
		expect(rows.slice(1).map((row) => row[0])).toEqual([...shown.keys()]);
		for (const row of rows.slice(1)) {
			const km = row[4] === '' ? '–' : `${Number(row[4]).toLocaleString('de-DE')} km`;
			expect([row[0], km]).toEqual([row[0], shown.get(row[0]!)]);
		}
		const csv = await page.request.get(`${baseUrl}${href!.replace('export.xlsx', 'export.csv')}`);
		expect(csv.headers()['content-type']).toContain('text/csv');

		// The same page for the chain alone, grouped by Amt.
		await page.goto(`${baseUrl}/de/office/chains/${chainId}/gaps`);
		expect(await page.locator('table.gap-matrix tr.gap-group').count()).toBeGreaterThan(1);
		await expectAccessible(page);
	});

	it('shows the map, what if and the stage page, accessible in German and English', async () => {
		await page.goto(`${baseUrl}/de/office/chains/${chainId}/map?stage=${stages.course}`);
		expect(await page.locator('.chart-image svg path').count()).toBeGreaterThan(50);
		const table = await page.locator('table.figures tbody tr').allInnerTexts();
		expect(table.some((row) => row.includes('Kappeln') && row.includes('am Ort'))).toBe(true);
		await page.selectOption('#map-stage', String(stages.cafe));
		await click(page, '.gap-filters button[type=submit]');
		expect(await page.locator('table.figures').innerText()).toContain('Lücke');
		await expectAccessible(page);

		await page.goto(`${baseUrl}/de/office/chains/what-if`);
		await page.fill('#what-if-q', 'Integrationskurs in Kappeln');
		await click(page, 'form:has(#what-if-q) button');
		await click(page, 'form:has(#what-if-offer) button[type=submit]');
		expect(await page.locator('#what-if-result').innerText()).toContain(
			'Integrationskurs in Kappeln'
		);
		expect(
			await page
				.locator('section[aria-labelledby=what-if-result] :is(table, [role=status])')
				.count()
		).toBe(1);
		await expectAccessible(page);

		await page.goto(`${baseUrl}/de/office/chains/${chainId}/stages/${stages.course}`);
		expect(await page.locator('h1').innerText()).toBe('Stufe 1: Integrationskurs');
		const reasons = await page.locator('table.stage-offers tbody tr').allInnerTexts();
		expect(
			reasons.some((row) => row.includes('Handlungsfeld Sprache · Stichwort „Integrationskurs“'))
		).toBe(true);
		await expectAccessible(page);

		for (const path of [
			`/en/office/chains/gaps?chain=${chainId}&language=ar`,
			`/en/office/chains/${chainId}/gaps`,
			`/en/office/chains/${chainId}/map?stage=${stages.cafe}&language=ar`,
			'/en/office/chains/what-if?organisation=1',
			`/en/office/chains/${chainId}/stages/${stages.cafe}`
		]) {
			const response = await page.goto(`${baseUrl}${path}`);
			expect(response?.status(), path).toBe(200);
			expect(await page.locator('html').getAttribute('lang')).toBe('en');
			await expectAccessible(page);
		}
	});
});
