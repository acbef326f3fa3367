import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { launchBrowser, recordingContext } from '../support/browser.js';
import { clickAndLoad, expectAccessible } from '../support/office.js';

const baseUrl = e2eApp().baseUrl;
const PHONE = { viewport: { width: 360, height: 740 } };
// Online offers have no place, so online and near Kappeln together find nothing.
const NOTHING = 'search?q=deutsch&online=1&near=Kappeln&radius=10';
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
});

describe('a search that finds nothing', () => {
	it('helps on with relaxed filters, action fields and the KITZ contacts, in Turkish on a phone without JavaScript', async () => {
		const { context, hosts } = await recordingContext(browser, {
			...PHONE,
			javaScriptEnabled: false
		});
		const page = await context.newPage();
		await page.goto(`${baseUrl}/tr/${NOTHING}`);
		const help = page.locator('.search-help');
		expect(await help.locator('h2').innerText()).toBe('Hizmet bulunamadı – şunları yapabilirsiniz');
		expect(await page.locator('ol.cards').count()).toBe(0);
		const contacts = help.locator('.contacts > li');
		expect(await contacts.locator('strong').allInnerTexts()).toEqual([
			'Dagmar Kistner',
			'Joanna Wilkonska-Malla'
		]);
		expect(await contacts.first().innerText()).toContain('İrtibat kişisi');
		expect(await help.locator('a[href="/tr/kitz"]').isVisible()).toBe(true);
		expect(await help.locator('.field-grid a').first().innerText()).toBe('Dil');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);

		const relaxation = help.locator('.relaxations a', { hasText: 'Çevrimiçi' });
		const label = await relaxation.innerText();
		expect(label).toMatch(/^“Çevrimiçi” filtresi olmadan: \d+ hizmet$/);
		await clickAndLoad(page, '.relaxations a:has-text("Çevrimiçi")');
		expect(new URL(page.url()).searchParams.get('online')).toBeNull();
		expect(await page.locator('.result-count').innerText()).toContain(label.split(': ')[1]!);
		expect(await page.locator('ol.cards > li').count()).toBeGreaterThan(0);
		expect(await page.locator('.search-help').count()).toBe(0);
		expect([...hosts]).toEqual([new URL(baseUrl).host]);
		await context.close();
	});

	it('passes axe in German, Arabic and Turkish', async () => {
		const { context } = await recordingContext(browser, PHONE);
		const page = await context.newPage();
		for (const locale of ['de', 'ar', 'tr']) {
			await page.goto(`${baseUrl}/${locale}/${NOTHING}`);
			expect(await page.locator('.search-help .relaxations a').count()).toBeGreaterThan(0);
			await expectAccessible(page);
		}
		await context.close();
	});
});
