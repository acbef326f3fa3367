import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { isoWeekOf } from '../../src/lib/server/search/calendar.service.js';
import { translateOffer } from '../../src/lib/server/offers/offers.service.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { launchBrowser, recordingContext } from '../support/browser.js';

const baseUrl = inject('baseUrl');
const MARK = 'Xsstest';
// Each payload would set window.pwned or open a dialog if it ever ran.
const PAYLOADS = [
	'<script>window.pwned=1</script>',
	'<img src=x onerror="window.pwned=1">',
	'"><svg onload="window.pwned=1">',
	'\'><iframe src="javascript:window.parent.pwned=1"></iframe>',
	'[klick](javascript:window.pwned=1)',
	'<a href="javascript:window.pwned=1">klick</a>',
	'{@html "<b>x</b>"} ${window.pwned=1}',
	'</script><script>window.pwned=1</script>',
	'<style>body{display:none}</style>',
	'\u202Egnp.exe'
];
const all = PAYLOADS.join(' ');
let slug = '';
// A date three weeks ahead, inside the materialised horizon, and its ISO week for the calendar.
const eventDay = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
const eventWeek = isoWeekOf(eventDay);

let browser: Browser;

beforeAll(async () => {
	const database = openDatabase(inject('databaseUrl'));
	try {
		const db = database.db;
		const district = await db
			.selectFrom('districts')
			.select('id')
			.orderBy('id')
			.executeTakeFirstOrThrow();
		const place = await db
			.selectFrom('places')
			.select('id')
			.where('name', '=', 'Kappeln')
			.executeTakeFirstOrThrow();
		const organisationId = await createOrganisation(db, {
			districtId: district.id,
			name: `${MARK} ${all}`
		});
		const id = await createOffer(db, {
			organisationId,
			placeId: place.id,
			title: `${MARK} ${PAYLOADS[1]} ${PAYLOADS[2]}`,
			summary: `${MARK} ${all}`,
			description: `${MARK}\n\n${PAYLOADS.map((payload) => `- ${payload}`).join('\n')}\n\n${all}`,
			contact: { name: all.slice(0, 200), phone: PAYLOADS[2] },
			cost: { kind: 'reduced', cents: 100, note: PAYLOADS[1] },
			schedule: { kind: 'dates', entries: [{ startsAt: `${eventDay}T10:00` }] }
		});
		await translateOffer(
			db,
			id,
			'ar',
			{ title: `${MARK} ${PAYLOADS[0]}`, summary: all, description: all },
			'machine'
		);
		slug = (
			await db.selectFrom('offers').select('slug').where('id', '=', id).executeTakeFirstOrThrow()
		).slug;
	} finally {
		await database.close();
	}
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
});

describe('stored script payloads never run in the portal', () => {
	it.each([
		['the offer page in German', () => `/de/offers/${slug}`],
		['the offer page in Arabic', () => `/ar/offers/${slug}`],
		['search results in German', () => `/de/search?q=${MARK}`],
		['search results in Arabic', () => `/ar/search?q=${MARK}`],
		['the calendar', () => `/de/calendar?week=${eventWeek}&q=${MARK}`],
		[
			'a search for the payloads themselves',
			() => `/de/search?q=${encodeURIComponent(all.slice(0, 190))}`
		]
	])('%s', async (_label, path) => {
		const echoesQueryOnly = path().includes(encodeURIComponent('<'));
		const { context, consoleErrors } = await recordingContext(browser);
		const page = await context.newPage();
		let dialogs = 0;
		page.on('dialog', async (dialog) => {
			dialogs++;
			await dialog.dismiss();
		});
		const response = await page.goto(`${baseUrl}${path()}`);
		expect(response?.status()).toBe(200);
		await page.waitForLoadState('load');
		// The payloads are on the page as text (or, for the last, in the search field).
		if (echoesQueryOnly) expect(await page.inputValue('#search-q')).toBe(all.slice(0, 190).trim());
		else expect(await page.locator('main').innerText()).toContain(MARK);
		expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
		expect(dialogs).toBe(0);
		// A payload that reached the markup would at least trip the CSP and log a violation.
		expect(consoleErrors).toEqual([]);
		expect(await page.locator('iframe, main script, main img, main svg, main style').count()).toBe(
			0
		);
		await context.close();
	});
});
