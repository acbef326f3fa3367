import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { downloadedBytes, launchBrowser, recordingContext } from '../support/browser.js';

const baseUrl = e2eApp().baseUrl;
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
});

describe.each([
	{ javaScript: true, label: 'with JavaScript' },
	{ javaScript: false, label: 'without JavaScript' }
])('a newcomer finds a German course near Kappeln in Arabic ($label)', ({ javaScript }) => {
	it('searches, opens the offer and downloads a valid calendar file', async () => {
		const { context, hosts, consoleErrors } = await recordingContext(browser, {
			javaScriptEnabled: javaScript,
			viewport: { width: 360, height: 740 },
			locale: 'ar'
		});
		const page = await context.newPage();

		await page.goto(baseUrl);
		expect(new URL(page.url()).pathname).toBe('/ar');
		expect(await page.getAttribute('html', 'dir')).toBe('rtl');
		expect(await page.getAttribute('html', 'lang')).toBe('ar');

		await page.locator('#home-q').fill('دورة اللغة الألمانية');
		await page.locator('#home-near').fill('Kappeln');
		await page.locator('#home-radius').selectOption('10');
		await Promise.all([
			page.waitForURL(/\/ar\/search\?/),
			page.locator('form[role=search] button[type=submit]').click()
		]);

		const results = page.locator('ol.cards > li');
		expect(await results.count()).toBeGreaterThan(0);
		const firstTitle = results.first().locator('h3 a');
		expect(await firstTitle.textContent()).toContain('دورة اللغة الألمانية');
		expect(await results.first().textContent()).toContain('Kappeln');

		await Promise.all([page.waitForURL(/\/ar\/offers\//), firstTitle.click()]);
		expect(await page.locator('h1').textContent()).toContain('دورة اللغة الألمانية');
		expect(await page.getAttribute('html', 'dir')).toBe('rtl');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('a[href$="calendar.ics"]').click()
		]);
		expect(download.suggestedFilename()).toMatch(/\.ics$/);
		const ics = (await downloadedBytes(download)).toString('utf8');
		const calendar = new ICAL.Component(ICAL.parse(ics));
		const events = calendar.getAllSubcomponents('vevent');
		expect(events.length).toBeGreaterThan(0);
		expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
			'Europe/Berlin'
		);
		const start = events[0]!.getFirstProperty('dtstart')!;
		expect(start.getParameter('tzid')).toBe('Europe/Berlin');
		expect(events[0]!.getFirstPropertyValue('summary')).toContain('دورة اللغة الألمانية');

		expect([...hosts]).toEqual([new URL(baseUrl).host]);
		expect(consoleErrors).toEqual([]);
		expect(await context.cookies()).toEqual([]);
		await context.close();
	});
});

describe('live filtering', () => {
	it('updates results when a filter changes, without a page load', async () => {
		const { context, consoleErrors } = await recordingContext(browser);
		const page = await context.newPage();
		await page.goto(`${baseUrl}/de/search`);
		const before = await page.locator('.result-count').textContent();
		await page.evaluate(() => Object.assign(window, { samePage: true }));
		await page.getByRole('checkbox', { name: /^Sprache \(/ }).check();
		await page.waitForURL(/field=language/);
		expect(await page.locator('.result-count').textContent()).not.toBe(before);
		expect(await page.evaluate(() => 'samePage' in window)).toBe(true);
		expect(consoleErrors).toEqual([]);
		await context.close();
	});
});
