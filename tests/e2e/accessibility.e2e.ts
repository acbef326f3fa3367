import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { saveGoalTexts } from '../../src/lib/server/measures/goals.service.js';
import { linkMeasureOffer } from '../../src/lib/server/measures/measure-parts.service.js';
import { saveMeasureTranslations } from '../../src/lib/server/measures/measure-translations.service.js';
import type { MeasureInput } from '../../src/lib/server/measures/measures.schema.js';
import { createMeasure, recordUpdate } from '../../src/lib/server/measures/measures.service.js';
import { factoryEditor } from '../factories/account.factory.js';
import { createTestGoals } from '../factories/goal.factory.js';
import { accessibilityViolations, launchBrowser, pageForBlock } from '../support/browser.js';
import { demoDistrict } from '../support/demo.js';

const baseUrl = e2eApp().baseUrl;
let browser: Browser;
let offerPath: string;

/**
 * Measures for "Was wir tun" (the demo may have none): a public one translated into Arabic with
 * progress and an offer, a stopped one with a German status note, and one the public never sees.
 */
async function addMeasures(): Promise<void> {
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const db = database.db;
		const district = await demoDistrict(db);
		const offer = await db
			.selectFrom('offers')
			.select(['id', 'organisationId'])
			.where('districtId', '=', district.id)
			.where('status', '=', 'published')
			.orderBy('id')
			.executeTakeFirstOrThrow();
		const admin = await factoryEditor(db, district.id);
		const [goal] = await createTestGoals(db, district.id, [
			{ actionField: 'language', text: 'Alle können Deutsch lernen, von Anfang an.' }
		]);
		await saveGoalTexts(db, admin, goal!, {
			text: 'Alle können Deutsch lernen, von Anfang an.',
			translations: { ar: 'يستطيع الجميع تعلّم الألمانية منذ البداية.' }
		});
		const measure = (input: Partial<MeasureInput>): MeasureInput => ({
			title: '',
			description: '',
			actionFields: ['language'],
			goalIds: [goal!],
			leadOrganisationId: offer.organisationId,
			partnerOrganisationIds: [],
			responsibleContactId: null,
			startsOn: '2026-01-01',
			endsOn: '2027-12-31',
			progressMode: 'manual',
			isPublic: true,
			links: [],
			decisionId: null,
			...input
		});
		const running = { status: 'running' as const, statusOn: '2026-02-01', reason: '' };
		const mentors = await createMeasure(
			db,
			admin,
			measure({
				title: 'Sprachpaten für Familien',
				description: 'Ehrenamtliche begleiten Familien beim Deutschlernen.'
			}),
			running
		);
		await recordUpdate(db, admin, mentors, { note: '', progress: 40 });
		await linkMeasureOffer(db, admin, mentors, offer.id, true);
		await saveMeasureTranslations(db, admin, mentors, {
			translations: {
				ar: {
					title: 'رعاة اللغة للعائلات',
					description: 'يرافق متطوعون العائلات في تعلّم الألمانية.',
					statusReason: ''
				}
			}
		});
		await createMeasure(db, admin, measure({ title: 'Lesecafé in der Bibliothek' }), {
			status: 'stopped',
			statusOn: '2026-09-30',
			reason: 'Die Förderung lief aus; die Bibliothek führt das Café selbst weiter.'
		});
		await createMeasure(
			db,
			admin,
			measure({ title: 'Interne Haushaltsplanung', isPublic: false }),
			running
		);
	} finally {
		await database.close();
	}
}

beforeAll(async () => {
	await addMeasures();
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
	'KITZ page': '/kitz',
	'what we do': '/measures'
});

const PAGES = [
	'home',
	'search',
	'search with filters',
	'offer',
	'calendar',
	'KITZ page',
	'what we do'
];

describe.each(['de', 'ar', 'de-x-easy', 'en'])('accessibility in %s', (locale) => {
	const sharedPage = pageForBlock(() => browser);
	it.each(PAGES)('%s has no WCAG 2.1 AA violations', async (name) => {
		const page = sharedPage();
		const response = await page.goto(
			`${baseUrl}/${locale}${pages()[name as keyof ReturnType<typeof pages>]}`
		);
		expect(response?.status()).toBe(200);
		expect(await accessibilityViolations(page)).toEqual([]);
	});
});

describe.each(['de', 'ar', 'de-x-easy'])('mobile first in %s', (locale) => {
	const sharedPage = pageForBlock(() => browser, { viewport: { width: 360, height: 740 } });
	it.each(PAGES)('%s fits a 360 px wide screen without sideways scrolling', async (name) => {
		const page = sharedPage();
		await page.goto(`${baseUrl}/${locale}${pages()[name as keyof ReturnType<typeof pages>]}`);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
	});
});

describe.each([
	['de', 'Sprachpaten für Familien', 'Fortschritt'],
	['ar', 'رعاة اللغة للعائلات', 'التقدّم']
])('"Was wir tun" in %s', (locale, title, progress) => {
	it('shows the public measures with their progress in words, and none that is not public', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${baseUrl}/${locale}/measures`);
		const text = await page.locator('main').innerText();
		expect(text).toContain(title);
		expect(text).toContain(progress);
		const measure = page.locator('li.box', { has: page.locator('h3', { hasText: title }) });
		expect(await measure.locator('progress').getAttribute('value')).toBe('40');
		expect(text).toContain('Lesecafé in der Bibliothek');
		expect(text).not.toContain('Interne Haushaltsplanung');
		await context.close();
	});
});
