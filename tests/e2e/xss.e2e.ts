import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { isoWeekOf } from '../../src/lib/shared/time/iso-week.js';
import { translateOffer } from '../../src/lib/server/offers/offers.service.js';
import {
	createOfferDraft,
	saveOfferDraft,
	submitOffer
} from '../../src/lib/server/offers/workflow.service.js';
import { createTestAccount } from '../factories/account.factory.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { launchBrowser, recordingContext } from '../support/browser.js';
import { demoDistrict } from '../support/demo.js';

const baseUrl = e2eApp().baseUrl;
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
let publishedId = 0;
let draftId = 0;
const PARTNER = { email: 'xss.partner@example.org', password: 'eine lange Test-Passphrase' };
// A date three weeks ahead, inside the materialised horizon, and its ISO week for the calendar.
const eventDay = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
const eventWeek = isoWeekOf(eventDay);

let browser: Browser;

beforeAll(async () => {
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const db = database.db;
		const district = await demoDistrict(db);
		const place = await db
			.selectFrom('places')
			.select('id')
			.where('name', '=', 'Kappeln')
			.executeTakeFirstOrThrow();
		const organisationId = await createOrganisation(db, {
			districtId: district.id,
			// As many payloads as the profile's 200 characters hold.
			name: `${MARK} ${all}`.slice(0, 200)
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
		publishedId = id;
		// A partner of the same organisation, with a draft whose every text holds payloads.
		const { id: partnerId } = await createTestAccount(db, {
			districtId: district.id,
			email: PARTNER.email,
			name: `${MARK} ${PAYLOADS[1]}`.slice(0, 200),
			role: 'partner_editor',
			organisationIds: [organisationId],
			password: PARTNER.password
		});
		const editor = {
			id: partnerId,
			role: 'partner_editor' as const,
			districtId: district.id,
			organisationIds: [organisationId]
		};
		const texts = (prefix: string) => ({
			title: `${MARK} ${prefix} ${PAYLOADS[0]}`.slice(0, 200),
			summary: `${MARK} ${all}`.slice(0, 500),
			description: `${MARK}\n\n${all}`
		});
		const content = (prefix: string) => ({
			offer: {
				organisationId,
				...texts(prefix),
				actionFields: ['language' as const],
				languages: ['de' as const],
				languageLevel: 'none' as const,
				cost: { kind: 'amount' as const, cents: 100, note: PAYLOADS[1] },
				access: 'walk_in' as const,
				location: { kind: 'address' as const, street: PAYLOADS[2]!, placeId: place.id },
				schedule: { kind: 'appointment' as const },
				contact: { name: PAYLOADS[0], phone: PAYLOADS[6]!.slice(0, 50) }
			},
			translations: {
				ar: Object.fromEntries(
					Object.entries(texts(prefix)).map(([field, value]) => [
						field,
						{ value, basedOn: 'outdated', status: 'reviewed' as const }
					])
				)
			}
		});
		draftId = await createOfferDraft(db, editor, content('one'));
		await submitOffer(db, editor, draftId);
		await saveOfferDraft(db, editor, draftId, content('two'));
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
		// The only SVG allowed is the page's own QR code for print, drawn by the server.
		expect(
			await page
				.locator('iframe, main script, main img, main svg:not(.qr-code svg), main style')
				.count()
		).toBe(0);
		await context.close();
	});
});

describe('stored script payloads never run in the back office', () => {
	it.each([
		['the list of offers', () => '/de/office/offers'],
		['the edit form of a draft', () => `/de/office/offers/${draftId}`],
		['the edit form of a published offer', () => `/de/office/offers/${publishedId}`],
		['the version history', () => `/de/office/offers/${draftId}/history`]
	])('%s', async (_label, path) => {
		const { context, consoleErrors } = await recordingContext(browser);
		const page = await context.newPage();
		let dialogs = 0;
		page.on('dialog', async (dialog) => {
			dialogs++;
			await dialog.dismiss();
		});
		await page.goto(`${baseUrl}/de/login`);
		await page.fill('#email', PARTNER.email);
		await page.fill('#password', PARTNER.password);
		await Promise.all([page.waitForEvent('load'), page.click('form.box button[type=submit]')]);
		const response = await page.goto(`${baseUrl}${path()}`);
		expect(response?.status()).toBe(200);
		await page.waitForLoadState('load');
		expect(await page.locator('main').innerHTML()).toContain(MARK);
		expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
		expect(dialogs).toBe(0);
		expect(consoleErrors).toEqual([]);
		// The only SVG allowed is the page's own QR code for print, drawn by the server.
		expect(
			await page
				.locator('iframe, main script, main img, main svg:not(.qr-code svg), main style')
				.count()
		).toBe(0);
		await context.close();
	});
});
