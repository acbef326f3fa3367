import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { direction, LOCALES } from '../../src/lib/i18n/locales.js';
import { launchBrowser } from '../support/browser.js';

const baseUrl = e2eApp().baseUrl;
let browser: Browser;
/** Per screen, one page without JavaScript that every language's test loads its page in. */
let screenPages: Page[];

// WCAG 1.4.10 reflow: small phones, and a 1280 px wide window at 200 % zoom.
const SCREENS: { name: string; options: BrowserContextOptions }[] = [
	{ name: '320 px', options: { viewport: { width: 320, height: 568 } } },
	{ name: '360 px', options: { viewport: { width: 360, height: 740 } } },
	{
		name: '200 % zoom',
		options: { viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 }
	}
];

beforeAll(async () => {
	browser = await launchBrowser();
	// Three contexts instead of one per test: each new one started a renderer process, about a
	// second on a busy two-core machine, and every test loads its page anew anyway.
	screenPages = await Promise.all(
		SCREENS.map(async ({ options }) =>
			(await browser.newContext({ ...options, javaScriptEnabled: false })).newPage()
		)
	);
});
afterAll(async () => {
	await browser.close();
});

describe.each(LOCALES.map((locale, index) => ({ locale, index })))(
	'the language menu in $locale',
	({ locale, index: localeIndex }) => {
		it.each(SCREENS.map((screen, index) => ({ ...screen, index })))(
			'stays on a $name screen and every language in it can be chosen, without JavaScript',
			async ({ options, index: screenIndex }) => {
				const page = screenPages[screenIndex]!;
				const width = options.viewport!.width;
				await page.goto(`${baseUrl}/${locale}/kitz`);
				await page.locator('.language-switch summary').click();
				const links = await page.locator('.language-switch a').all();
				expect(links.length).toBe(LOCALES.length);
				const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
				for (const link of links) {
					const target = (await link.getAttribute('lang')) as (typeof LOCALES)[number];
					// Never cut off sideways; below the screen only as far as the page scrolls.
					const box = (await link.boundingBox())!;
					expect(box.x, target).toBeGreaterThanOrEqual(0);
					expect(box.x + box.width, target).toBeLessThanOrEqual(width);
					expect(box.y, target).toBeGreaterThanOrEqual(0);
					expect(box.y + box.height, target).toBeLessThanOrEqual(pageHeight);
					// Each language is named in itself, with its own language and direction.
					expect(await link.getAttribute('dir'), target).toBe(direction(target));
					// Scrolls it into view and checks that it, not something over it, gets the click.
					await link.click({ trial: true });
				}
				// One real click per screen and language; across the languages every entry is clicked.
				const chosen = links[(localeIndex + screenIndex) % links.length]!;
				const target = (await chosen.getAttribute('lang'))!;
				await Promise.all([page.waitForURL(`${baseUrl}/${target}/kitz`), chosen.click()]);
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
					width
				);
			}
		);
	}
);

describe('the language menu button', () => {
	it('shows a language symbol beside the current language named in itself', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${baseUrl}/fa/kitz`);
		const summary = page.locator('.language-switch summary');
		expect(await summary.locator('svg[aria-hidden="true"]').count()).toBe(1);
		expect(await summary.textContent()).toContain('فارسی');
		await context.close();
	});
});
