import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { launchBrowser } from '../support/browser.js';
import { pdfText } from '../support/documents.js';

const baseUrl = e2eApp().baseUrl;
const offerPath = '/offers/integrationskurs-in-kappeln-a1-bis-b1-1';
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
});

/** Text as a reader's text layer gives it, without the spaces and breaks of the layout. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

describe.each(['de', 'ar'])('a printed offer (%s)', (locale) => {
	it('carries the address, times, contact, link targets and its own address', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const pageUrl = `${baseUrl}/${locale}${offerPath}`;
		await page.goto(pageUrl);
		const { text } = await pdfText(await page.pdf({ format: 'A4' }));
		const printed = squeezed(text);
		// The provider's website as the page links it (another e2e file may have edited it).
		const website = await page
			.locator('[aria-labelledby=contact-heading] a[rel~=nofollow]')
			.getAttribute('href');
		expect(website).toMatch(/^https:\/\//);

		for (const expected of [
			pageUrl,
			website!,
			'https://www.openstreetmap.org/directions',
			'Schulstraße4',
			'24376Kappeln',
			'04642 00 2210',
			'k.lorenzen@vhs-kappeln.example',
			'08:30'
		])
			expect(printed, expected).toContain(squeezed(expected));
		// Screen-only controls (the .ics button) leave nothing on paper, not even an empty box.
		expect(printed).not.toContain('.ics');
		await context.close();
	});

	it('prints a QR code of its own address, hidden from screen readers, none on screen', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${baseUrl}/${locale}${offerPath}`);
		const code = page.locator('.qr-code');
		expect(await code.getAttribute('aria-hidden')).toBe('true');
		expect(await code.isVisible()).toBe(false);
		await page.emulateMedia({ media: 'print' });
		expect(await code.isVisible()).toBe(true);
		const box = (await code.boundingBox())!;
		expect(box.width).toBeGreaterThan(60);
		await context.close();
	});
});
