import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { translator } from '../../src/lib/i18n/messages.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { translateOffer } from '../../src/lib/server/offers/offers.service.js';
import { berlinNow } from '../../src/lib/shared/time/berlin-clock.js';
import { addMinutes } from '../../src/lib/shared/time/wall-clock.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { launchBrowser } from '../support/browser.js';
import { demoDistrict } from '../support/demo.js';

const baseUrl = e2eApp().baseUrl;
let browser: Browser;

/**
 * Which demo dates come next depends on the clock (on a Sunday afternoon the next six are all
 * translated Monday courses), so the test adds one untranslated and one translated offer with a
 * date minutes from now: whatever else is on, both kinds are among the next dates.
 */
async function addDatesSoon(): Promise<void> {
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const db = database.db;
		const district = await demoDistrict(db);
		const organisationId = await createOrganisation(db, {
			districtId: district.id,
			name: 'Fallback-Testverein'
		});
		const soon = addMinutes(berlinNow(), 10);
		const schedule = { kind: 'dates' as const, entries: [{ startsAt: soon }] };
		await createOffer(db, { organisationId, title: 'Fallback-Sprechstunde', schedule });
		const translated = await createOffer(db, {
			organisationId,
			title: 'Fallback-Beratung',
			schedule
		});
		await translateOffer(
			db,
			translated,
			'ar',
			{ title: 'استشارة الاختبار', summary: 'استشارة', description: 'استشارة' },
			'machine'
		);
	} finally {
		await database.close();
	}
}

beforeAll(async () => {
	await addDatesSoon();
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
