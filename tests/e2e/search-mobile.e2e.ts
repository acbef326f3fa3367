import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { launchBrowser } from '../support/browser.js';

const baseUrl = e2eApp().baseUrl;
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
});

const PHONE = { viewport: { width: 360, height: 740 } };
const FIRST_RESULT_LINK = 'ol.cards > li:first-child h3 a';

describe.each([
	{ javaScript: true, label: 'with JavaScript' },
	{ javaScript: false, label: 'without JavaScript' }
])('the search page on a 360 px phone ($label)', ({ javaScript }) => {
	it.each(['de', 'ar'])(
		'shows the first result of /%s/search on the first screen',
		async (locale) => {
			const context = await browser.newContext({ ...PHONE, javaScriptEnabled: javaScript });
			const page = await context.newPage();
			await page.goto(`${baseUrl}/${locale}/search`);
			const box = (await page.locator('ol.cards > li').first().boundingBox())!;
			expect(box.y).toBeLessThan(700);
			// The filters are folded behind one control that opens them.
			const firstFilter = page.locator('.filters input[type=checkbox]').first();
			expect(await firstFilter.isVisible()).toBe(false);
			await page.locator('.filters > summary').click();
			expect(await firstFilter.isVisible()).toBe(true);
			await context.close();
		}
	);

	it('reaches the first result with a skip link in a few Tab presses', async () => {
		const context = await browser.newContext({ ...PHONE, javaScriptEnabled: javaScript });
		const page = await context.newPage();
		await page.goto(`${baseUrl}/ar/search`);
		const focused = () =>
			page.evaluate(() => {
				const element = document.activeElement;
				return element?.matches('a[href="#results"]')
					? 'skip'
					: element?.matches('ol.cards > li:first-child h3 a')
						? 'first result'
						: element?.closest('#results')
							? 'in results'
							: 'elsewhere';
			});
		let tabs = 0;
		while ((await focused()) !== 'skip' && tabs < 20) {
			await page.keyboard.press('Tab');
			tabs++;
		}
		expect(await focused()).toBe('skip');
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('results');
		while ((await focused()) !== 'first result' && tabs < 20) {
			await page.keyboard.press('Tab');
			tabs++;
		}
		expect(await focused()).toBe('first result');
		expect(tabs).toBeLessThanOrEqual(8);
		expect(await page.locator(FIRST_RESULT_LINK).isVisible()).toBe(true);
		await context.close();
	});

	it('names how many filters are active on the control that folds them', async () => {
		const context = await browser.newContext({ ...PHONE, javaScriptEnabled: javaScript });
		const page = await context.newPage();
		await page.goto(`${baseUrl}/de/search?field=language&language=ar&free=1`);
		expect((await page.locator('.filters > summary').textContent())?.trim()).toBe(
			'Filter (3 aktiv)'
		);
		await page.goto(`${baseUrl}/ar/search?field=language`);
		const arabic = (await page.locator('.filters > summary').textContent())!;
		expect(arabic).toContain(new Intl.NumberFormat('ar').format(1));
		await page.goto(`${baseUrl}/de/search`);
		expect((await page.locator('.filters > summary').textContent())?.trim()).toBe('Filter');
		await context.close();
	});
});

describe('the search page on a wide screen', () => {
	it('shows the filters beside the results, unfolded', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		await page.goto(`${baseUrl}/de/search`);
		const filter = page.locator('.filters input[type=checkbox]').first();
		expect(await filter.isVisible()).toBe(true);
		expect(await page.locator('.filters > summary').isVisible()).toBe(false);
		const filterBox = (await page.locator('.filters').boundingBox())!;
		const resultsBox = (await page.locator('#results').boundingBox())!;
		expect(resultsBox.x).toBeGreaterThan(filterBox.x + filterBox.width - 1);
		expect(Math.abs(resultsBox.y - filterBox.y)).toBeLessThan(50);
		await context.close();
	});
});

describe('live filtering on a phone', () => {
	it('keeps the filters open and counted after a checkbox changes', async () => {
		const context = await browser.newContext(PHONE);
		const page = await context.newPage();
		await page.goto(`${baseUrl}/de/search`);
		await page.locator('.filters > summary').click();
		await page.getByRole('checkbox', { name: /^Sprache \(/ }).check();
		await page.waitForURL(/field=language/);
		await page.locator('.filters > summary', { hasText: 'Filter (1 aktiv)' }).waitFor();
		expect(await page.getByRole('checkbox', { name: /^Sprache \(/ }).isVisible()).toBe(true);
		expect(await page.evaluate(() => document.activeElement?.getAttribute('value'))).toBe(
			'language'
		);
		await context.close();
	});
});
