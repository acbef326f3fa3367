// Issue 13's journey: a newcomer who reads Turkish, on a cheap phone without JavaScript, types
// "Almanca kursu" (German course) and a place into the home page's search box and opens a German
// course near Kappeln, though no offer is translated into Turkish.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { launchBrowser, recordingContext } from '../support/browser.js';
import { clickAndLoad, expectAccessible } from '../support/office.js';

const baseUrl = e2eApp().baseUrl;
const PHONE = { viewport: { width: 360, height: 740 } };
/** Titles of German courses as their providers write them (in German, untranslated). */
const GERMAN_COURSE = /Deutsch|Integrationskurs|Sprachkurs/;
const RESULTS = 'tr/search?q=Almanca+kursu&near=Kappeln&radius=10';
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
});

describe('a German course found in Turkish', () => {
	it('types "Almanca kursu" and Kappeln on the Turkish home page without JavaScript and opens a course there', async () => {
		const { context, hosts } = await recordingContext(browser, {
			...PHONE,
			javaScriptEnabled: false
		});
		const page = await context.newPage();
		await page.goto(`${baseUrl}/tr`);
		await page.fill('#home-q', 'Almanca kursu');
		await page.fill('#home-near', 'Kappeln');
		await clickAndLoad(page, 'form.search-box button[type=submit]');

		const url = new URL(page.url());
		expect(url.pathname).toBe('/tr/search');
		expect(url.searchParams.get('q')).toBe('Almanca kursu');
		expect(url.searchParams.get('near')).toBe('Kappeln');
		// The need is named back in Turkish: the thesaurus read it, not a translation of the offers.
		expect(await page.locator('.understanding .part.concept').allInnerTexts()).toEqual([
			'Almanca kursu'
		]);
		const titles = await page.locator('ol.cards > li h3').allInnerTexts();
		expect(titles[0]).toMatch(GERMAN_COURSE);
		expect(titles.filter((title) => GERMAN_COURSE.test(title)).length).toBeGreaterThanOrEqual(3);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);

		const inKappeln = page
			.locator('ol.cards > li')
			.filter({ hasText: 'Kappeln' })
			.filter({ has: page.locator('h3', { hasText: GERMAN_COURSE }) })
			.first();
		const title = await inKappeln.locator('h3').innerText();
		await Promise.all([page.waitForEvent('load'), inKappeln.locator('h3 a').click()]);

		expect(new URL(page.url()).pathname).toMatch(/^\/tr\/offers\//);
		const heading = await page.locator('h1').innerText();
		expect(heading).toBe(title);
		expect(heading).toMatch(GERMAN_COURSE);
		expect(await page.locator('article.offer .tags').first().innerText()).toContain('Dil');
		expect(await page.locator('article.offer').innerText()).toContain('Kappeln');
		expect([...hosts]).toEqual([new URL(baseUrl).host]);
		await context.close();
	});

	it('passes axe on the Turkish results page', async () => {
		const { context } = await recordingContext(browser, PHONE);
		const page = await context.newPage();
		await page.goto(`${baseUrl}/${RESULTS}`);
		expect(await page.locator('ol.cards > li').count()).toBeGreaterThan(0);
		await expectAccessible(page);
		await context.close();
	});
});
