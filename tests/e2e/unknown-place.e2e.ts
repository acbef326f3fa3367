import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';

const baseUrl = e2eApp().baseUrl;
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
});

describe('a search near an unknown place', () => {
	it('keeps the other filters and links the closest known places, without JavaScript', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${baseUrl}/de/search?near=Flenzb%C3%B3rk&field=language&radius=5`);
		const notices = page.locator('.notices');
		await expect(notices.textContent()).resolves.toContain(
			'Den Ort oder die Postleitzahl „Flenzbórk“ kennen wir nicht'
		);
		const suggestion = notices.getByRole('link', { name: 'Flensburg' });
		expect(await suggestion.getAttribute('href')).toBe('?field=language&near=Flensburg&radius=5');
		await Promise.all([page.waitForURL(/near=Flensburg/), suggestion.click()]);
		await expect(page.locator('.result-count').textContent()).resolves.toContain(
			'im Umkreis von 5 km um Flensburg'
		);
		await expect(page.locator('.notices').count()).resolves.toBe(0);
		await context.close();
	});

	it('reads a place one typing mistake away as that place and says so', async () => {
		const html = await (await fetch(`${baseUrl}/de/search?near=Flensborg&radius=5`)).text();
		expect(html).toContain(
			'Den Ort „Flensborg“ kennen wir nicht. Wir suchen in der Nähe von Flensburg.'
		);
		expect(html).toContain('im Umkreis von 5 km um Flensburg');
	});

	it('finds small municipalities such as Busdorf', async () => {
		const html = await (await fetch(`${baseUrl}/de/search?near=Busdorf&radius=5`)).text();
		expect(html).toContain('im Umkreis von 5 km um Busdorf');
		expect(html).not.toContain('kennen wir nicht');
	});

	it.each(['de', 'ar'])('has no WCAG 2.1 AA violations in %s', async (locale) => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${baseUrl}/${locale}/search?near=Flenzb%C3%B3rk`);
		expect(await accessibilityViolations(page)).toEqual([]);
		await context.close();
	});
});
