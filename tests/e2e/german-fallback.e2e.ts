import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { translator } from '../../src/lib/i18n/messages.js';
import { launchBrowser } from '../support/browser.js';

const baseUrl = e2eApp().baseUrl;
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
});

const GERMAN_ONLY = translator('ar')('content.notTranslatedShort');

describe.each([
	{ name: 'the calendar', path: '/ar/calendar' },
	{ name: "the home page's next dates", path: '/ar' }
])('$name in Arabic', ({ path }) => {
	it('marks an untranslated title as German with the note, and a translated one without', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${baseUrl}${path}`);
		const dates = page.locator('ul.events > li');
		const german = dates.filter({ has: page.locator('a span[lang="de"]') });
		const translated = dates.filter({ hasNot: page.locator('a span[lang="de"]') });
		expect(await german.count()).toBeGreaterThan(0);
		expect(await translated.count()).toBeGreaterThan(0);
		for (const entry of await german.all())
			expect(await entry.textContent()).toContain(GERMAN_ONLY);
		for (const entry of await translated.all())
			expect(await entry.textContent()).not.toContain(GERMAN_ONLY);
		await context.close();
	});
});
