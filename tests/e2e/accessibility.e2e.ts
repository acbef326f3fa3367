import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let offerPath: string;

beforeAll(async () => {
	browser = await launchBrowser();
	const html = await (await fetch(`${baseUrl}/de/search?sort=date`)).text();
	offerPath = /href="\/de(\/offers\/[^"]+)"/.exec(html)![1]!;
});
afterAll(async () => {
	await browser.close();
});

const pages = () => ({
	home: '',
	search: '/search?q=beratung',
	'search with filters': '/search?field=language&near=Kappeln&radius=25',
	offer: offerPath,
	calendar: '/calendar',
	'KITZ page': '/kitz'
});

describe.each(['de', 'ar', 'de-x-easy', 'en'])('accessibility in %s', (locale) => {
	it.each(['home', 'search', 'search with filters', 'offer', 'calendar', 'KITZ page'])(
		'%s has no WCAG 2.1 AA violations',
		async (name) => {
			const context = await browser.newContext();
			const page = await context.newPage();
			const response = await page.goto(
				`${baseUrl}/${locale}${pages()[name as keyof ReturnType<typeof pages>]}`
			);
			expect(response?.status()).toBe(200);
			expect(await accessibilityViolations(page)).toEqual([]);
			await context.close();
		}
	);
});

describe.each(['de', 'ar', 'de-x-easy'])('mobile first in %s', (locale) => {
	it.each(['home', 'search', 'search with filters', 'offer', 'calendar', 'KITZ page'])(
		'%s fits a 360 px wide screen without sideways scrolling',
		async (name) => {
			const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
			const page = await context.newPage();
			await page.goto(`${baseUrl}/${locale}${pages()[name as keyof ReturnType<typeof pages>]}`);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				360
			);
			await context.close();
		}
	);
});
