import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { launchBrowser } from '../support/browser.js';

const baseUrl = e2eApp().baseUrl;
let browser: Browser;
let offerPath: string;

// Month names a German appointment letter never uses: Solar Hijri (fa) and Islamic (ar).
const OTHER_CALENDAR_MONTHS = new Set([
	'فروردین',
	'اردیبهشت',
	'خرداد',
	'تیر',
	'مرداد',
	'شهریور',
	'مهر',
	'آبان',
	'آذر',
	'دی',
	'بهمن',
	'اسفند',
	'محرم',
	'رجب',
	'شعبان',
	'رمضان',
	'شوال'
]);
const NON_LATIN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

beforeAll(async () => {
	browser = await launchBrowser();
	// The offer with the soonest date, so its page lists dates and times.
	const html = await (await fetch(`${baseUrl}/de/search?sort=date`)).text();
	offerPath = /href="\/de(\/offers\/[^"]+)"/.exec(html)![1]!;
});
afterAll(async () => {
	await browser.close();
});

async function visibleText(path: string): Promise<string> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const response = await page.goto(`${baseUrl}${path}`);
	expect(response?.status(), path).toBe(200);
	const text = await page.locator('body').innerText();
	await context.close();
	return text;
}

describe.each(['fa', 'ar'])('dates and digits in %s match the German letters', (locale) => {
	it.each(['', '/search?sort=date', '/calendar', 'offer', '/kitz'])(
		'%s shows Gregorian dates, the 24-hour clock and one digit system',
		async (path) => {
			const text = await visibleText(`/${locale}${path === 'offer' ? offerPath : path}`);
			const words = text.split(/[\s\p{P}\d]+/u);
			expect(words.filter((word) => OTHER_CALENDAR_MONTHS.has(word))).toEqual([]);
			expect(text.match(NON_LATIN_DIGITS) ?? []).toEqual([]);
			expect(text).toMatch(/\d/);
			expect(text.match(/.{0,20}\d{1,2}:\d{2} ?[صم](?!\p{L})/gu) ?? []).toEqual([]);
		}
	);
});

describe('Leichte Sprache pages', () => {
	async function style(page: Page, path: string) {
		await page.goto(`${baseUrl}${path}`);
		return page.evaluate(() => {
			const paragraph = document.querySelector('main p')!;
			const computed = getComputedStyle(paragraph);
			return { hyphens: computed.hyphens, fontSize: parseFloat(computed.fontSize) };
		});
	}

	it('have larger type and no automatic hyphenation, unlike the German pages', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const easy = await style(page, '/de-x-easy/search');
		const german = await style(page, '/de/search');
		await context.close();
		expect(german.hyphens).toBe('auto');
		expect(easy.hyphens).not.toBe('auto');
		expect(easy.fontSize).toBeGreaterThan(german.fontSize);
	});

	it('write dates and distances without abbreviations', async () => {
		const text = await visibleText('/de-x-easy/search?sort=date&near=Kappeln&radius=25');
		expect(text).toMatch(
			/Nächster Termin: (Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d+\. [A-ZÄ][a-zä]+ um \d\d:\d\d/
		);
		expect(text).not.toMatch(/\b(?:Mo|Di|Mi|Do|Fr|Sa|So)\., /);
		expect(text).toMatch(/\d+ Kilometer/);
		expect(text).not.toMatch(/\d km\b/);
	});
});
