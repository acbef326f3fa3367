import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { loadChain } from '../../src/lib/server/chains/chains.service.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { saveTranslation } from '../../src/lib/server/translations/translations.service.js';
import { createTestChain } from '../factories/chain.factory.js';
import { accessibilityViolations, launchBrowser, recordingContext } from '../support/browser.js';
import { pdfText } from '../support/documents.js';
import { demoDistrict } from '../support/demo.js';

const baseUrl = e2eApp().baseUrl;
const TITLE = { de: 'Ihr Weg zum Deutschkurs', ar: 'طريقكم إلى دورة اللغة الألمانية' };
let wayPath = '';
let browser: Browser;

/**
 * A public chain over the demo's offers, made here so the test does not hang on the demo's own
 * chains: orientation, the integration course, then job-related German or work. Its title and
 * two stages are in Arabic; the others show German with the note.
 */
async function addChain(): Promise<void> {
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const db = database.db;
		const district = await demoDistrict(db);
		const { chainId, stages } = await createTestChain(db, {
			districtId: district.id,
			publicTitle: TITLE.de,
			introduction: 'Vom ersten Beratungsgespräch bis zum Deutschkurs für den Beruf.',
			isPublic: true,
			stages: [
				{
					key: 'Erstberatung',
					achieves: 'Sie wissen, welcher Kurs zu Ihnen passt.',
					rules: { actionFields: ['culture_values', 'language'], keywords: ['Beratung'] },
					reachKm: 30
				},
				{
					key: 'Integrationskurs',
					follows: ['Erstberatung'],
					achieves: 'Sie sprechen Deutsch bis B1.',
					rules: { actionFields: ['language'] },
					onlineCounts: true
				},
				{ key: 'Berufssprachkurs', follows: ['Integrationskurs'], rules: { keywords: ['Beruf'] } },
				{ key: 'Arbeit', follows: ['Integrationskurs'], rules: { actionFields: ['work'] } }
			]
		});
		const arabic =
			(entity: 'chain' | 'chain_stage', entityId: number, field: string) =>
			(source: string, value: string) =>
				saveTranslation(db, {
					entity,
					entityId,
					locale: 'ar',
					field,
					value,
					status: 'reviewed',
					sourceText: source
				});
		await arabic('chain', chainId, 'publicTitle')(TITLE.de, TITLE.ar);
		await arabic(
			'chain_stage',
			stages.Integrationskurs!,
			'title'
		)('Integrationskurs', 'دورة الاندماج');
		await arabic(
			'chain_stage',
			stages.Integrationskurs!,
			'achieves'
		)('Sie sprechen Deutsch bis B1.', 'تتحدثون الألمانية حتى المستوى B1.');
		wayPath = `/wege/${(await loadChain(db, chainId)).slug}`;
	} finally {
		await database.close();
	}
}

beforeAll(async () => {
	await addChain();
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
});

describe('a newcomer follows "Ihr Weg zum Deutschkurs" in Arabic without JavaScript', () => {
	it('opens the way from the list, enters a postcode, sees numbered steps with the nearest offers', async () => {
		const { context, hosts, consoleErrors } = await recordingContext(browser, {
			javaScriptEnabled: false,
			viewport: { width: 360, height: 740 },
			locale: 'ar'
		});
		const page = await context.newPage();
		await page.goto(`${baseUrl}/ar`);
		await Promise.all([
			page.waitForURL(/\/ar\/wege$/),
			page.getByRole('link', { name: 'عرض جميع الطرق', exact: true }).click()
		]);
		expect(await page.getAttribute('html', 'dir')).toBe('rtl');
		await Promise.all([
			page.waitForURL(/\/ar\/wege\/[^/?]+$/),
			page.getByRole('link', { name: TITLE.ar, exact: true }).click()
		]);
		expect(await page.locator('h1').textContent()).toBe(TITLE.ar);
		// German where nothing is translated, marked as German.
		expect(await page.locator('.way-step h2 [lang=de]').first().textContent()).toBe('Erstberatung');

		await page.locator('#way-near').fill('24376');
		await Promise.all([
			page.waitForURL(/near=24376/),
			page.locator('form.way-place button[type=submit]').click()
		]);
		// The postcode's place (24376 is Kappeln's and its small neighbours': the town), isolated in
		// the Arabic text.
		expect(await page.locator('.way-for').textContent()).toMatch(/\u206824376 Kappeln\u2069/);
		const steps = page.locator('ol.way-steps > li');
		expect(await steps.count()).toBe(3);
		expect(await steps.nth(0).locator('.step-number').textContent()).toBe('الخطوة 1');
		expect(await steps.nth(2).locator('.step-number').textContent()).toBe('الخطوة 3');
		// Two ways on the third step: "or" between them.
		expect(await steps.nth(2).locator('h3').count()).toBe(2);
		expect(await steps.nth(2).locator('.way-or').textContent()).toBe('أو');

		const course = steps.nth(1);
		expect(await course.locator('h2').textContent()).toContain('دورة الاندماج');
		const offers = course.locator('ul.way-offers > li');
		expect(await offers.count()).toBeGreaterThan(0);
		// In Kappeln itself no distance is said; the next places' offers say theirs in km.
		expect(await offers.first().textContent()).toContain('Kappeln');
		expect(await offers.first().textContent()).not.toContain('كم');
		// From Erfde (24803), with no language offer of its own, the nearest course says how far it is.
		const fromErfde = await page.context().newPage();
		await fromErfde.goto(page.url().replace('near=24376', 'near=24803'));
		const erfdeOffers = fromErfde.locator('ol.way-steps > li').nth(1).locator('ul.way-offers > li');
		expect(await erfdeOffers.first().textContent()).toMatch(/كم/);
		await fromErfde.close();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);

		const link = offers.first().locator('a');
		const title = (await link.textContent())!.trim();
		await Promise.all([page.waitForURL(/\/ar\/offers\//), link.click()]);
		expect((await page.locator('h1').textContent())!.trim()).toBe(title);

		expect([...hosts]).toEqual([new URL(baseUrl).host]);
		expect(consoleErrors).toEqual([]);
		expect(await context.cookies()).toEqual([]);
		await context.close();
	});

	it('tells of an unknown place and suggests known ones, never an error page', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const response = await page.goto(`${baseUrl}/ar${wayPath}?near=Kapeln`);
		expect(response!.status()).toBe(200);
		expect(await page.locator('.notices').textContent()).toContain('Kapeln');
		await Promise.all([
			page.waitForURL(/near=Kappeln/),
			page.locator('.place-suggestions a', { hasText: 'Kappeln' }).first().click()
		]);
		expect(await page.locator('.way-for').textContent()).toContain('Kappeln');
		// A way that is not public (or not there) is a plain 404 page.
		expect((await page.goto(`${baseUrl}/ar/wege/gibt-es-nicht`))!.status()).toBe(404);
		await context.close();
	});
});

describe.each(['de', 'ar', 'de-x-easy'])('"Ihr Weg" pages in %s', (locale) => {
	it('pass axe on the home page with its ways, the list and the way', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${baseUrl}/${locale}`);
		expect(await page.locator('#ways-heading').count()).toBe(1);
		expect(await accessibilityViolations(page)).toEqual([]);
		await page.goto(`${baseUrl}/${locale}/wege`);
		expect(await accessibilityViolations(page)).toEqual([]);
		await page.goto(`${baseUrl}/${locale}${wayPath}?near=24376`);
		expect(await accessibilityViolations(page)).toEqual([]);
		await page.goto(`${baseUrl}/${locale}${wayPath}?near=Kapeln`);
		expect(await accessibilityViolations(page)).toEqual([]);
		await context.close();
	});
});

describe('a printed way', () => {
	it('shows no form or navigation, but the place, the date and the addresses', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${baseUrl}/de${wayPath}?near=24376`);
		expect(await page.locator('.print-source').isVisible()).toBe(false);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('form.way-place').isVisible()).toBe(false);
		expect(await page.locator('.site-header nav').isVisible()).toBe(false);
		const printedFor = page.locator('.way-page > .print-only').first();
		expect(await printedFor.isVisible()).toBe(true);
		expect(await printedFor.textContent()).toMatch(/^Erstellt für 24376 \S+ am .*\d{4}$/);
		const address = page.locator('.print-url').first();
		expect(await address.isVisible()).toBe(true);
		expect(await address.textContent()).toMatch(/\/de\/offers\/[^/\s]+$/);
		expect(await page.locator('.print-source').textContent()).toContain(`/de${wayPath}?near=24376`);
		// One or two A4 pages for a counsellor to hand out.
		const { pages, text } = await pdfText(await page.pdf({ format: 'A4' }));
		expect(pages).toBeLessThanOrEqual(2);
		expect(text).toContain('Kappeln');
		await context.close();
	});
});
