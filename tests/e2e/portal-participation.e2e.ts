import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { createCall, loadCall, openCall } from '../../src/lib/server/committees/calls.service.js';
import { saveCallTranslations } from '../../src/lib/server/committees/calls.translations.service.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { berlinToday } from '../../src/lib/shared/time/berlin-clock.js';
import { addDays } from '../../src/lib/shared/time/wall-clock.js';
import { createTestAccount, factoryEditor } from '../factories/account.factory.js';
import { createTestCommittee } from '../factories/committee.factory.js';
import { launchBrowser, recordingContext } from '../support/browser.js';
import { demoDistrict } from '../support/demo.js';
import { clickAndLoad, expectAccessible, logIn } from '../support/office.js';

const baseUrl = e2eApp().baseUrl;
const COORDINATOR = { email: 'carla.calls@kitz.example', password: 'Carla lange Passphrase' };
const TITLE = { de: 'Mitmachen im Beirat für Teilhabe', uk: 'Долучайтеся до ради з питань участі' };
const APPLICANT = 'Олена Тестова';
let browser: Browser;
let slug = '';
let callId = 0;

/** A call of its own, so the journey does not hang on the demo's calls. */
beforeAll(async () => {
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const db = database.db;
		const district = await demoDistrict(db);
		await createTestAccount(db, {
			districtId: district.id,
			email: COORDINATOR.email,
			name: 'Carla Calls',
			role: 'coordinator',
			password: COORDINATOR.password
		});
		const { committeeId, termIds } = await createTestCommittee(db, district.id, {
			name: 'Beirat für Teilhabe',
			terms: [{ startsOn: '2026-01-01', endsOn: null }]
		});
		const editor = await factoryEditor(db, district.id);
		callId = await createCall(db, editor, {
			committeeId,
			termId: termIds[0],
			title: TITLE.de,
			text: 'Der Beirat sucht zwei Menschen mit eigener Erfahrung der Einwanderung.',
			seatsSought: 2,
			eligibility: 'Alle ab 16 Jahren.',
			deadline: addDays(berlinToday(), 30)
		});
		await saveCallTranslations(db, editor, callId, {
			translations: {
				uk: {
					title: TITLE.uk,
					text: 'Рада шукає двох людей із власним досвідом імміграції.',
					eligibility: 'Усі віком від 16 років.'
				}
			}
		});
		await openCall(db, editor, callId);
		slug = (await loadCall(db, editor, callId)).slug;
	} finally {
		await database.close();
	}
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const send = (page: Page) => clickAndLoad(page, 'form.application-form button[type=submit]');

describe('taking part in a committee', () => {
	it('a visitor applies in Ukrainian without JavaScript, and keeps what they typed after a mistake', async () => {
		const { context, hosts } = await recordingContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${baseUrl}/uk`);
		// The home page leads to "Mitmachen", as it leads to the ways.
		await clickAndLoad(page, 'main a[href="/uk/mitmachen"]');
		await clickAndLoad(page, `a:text("${TITLE.uk}")`);
		expect(await page.locator('h1').innerText()).toBe(TITLE.uk);

		// No e-mail or phone, no consent: the form comes back with Ukrainian messages.
		await page.fill('#name', APPLICANT);
		await page.fill('#message', 'Я хочу допомагати родинам з України.');
		await page.check('input[name=languages][value=uk]');
		await send(page);
		const summary = await page.locator('[role=alert]').innerText();
		expect(summary).toContain('Будь ласка, перевірте Ваші дані');
		expect(await page.locator('#email-error').innerText()).toBe(
			'Будь ласка, вкажіть адресу електронної пошти або номер телефону, щоб ми могли Вам відповісти.'
		);
		expect(await page.locator('#consent-error').innerText()).toContain('позначте згоду');
		expect(await page.getAttribute('#email', 'aria-invalid')).toBe('true');
		expect(await page.inputValue('#name')).toBe(APPLICANT);
		expect(await page.inputValue('#message')).toBe('Я хочу допомагати родинам з України.');
		expect(await page.isChecked('input[name=languages][value=uk]')).toBe(true);

		await page.fill('#email', 'olena.testova@post.example');
		await page.check('#consent');
		await send(page);
		expect(page.url()).toBe(`${baseUrl}/uk/mitmachen/${slug}/danke`);
		expect(await page.locator('h1').innerText()).toBe('Дякуємо за Вашу заявку!');
		expect(await page.locator('main').innerText()).toContain(`«${TITLE.uk}»`);
		// The visitor got no cookie, and the page asked no one else for anything.
		expect(await context.cookies()).toEqual([]);
		expect([...hosts]).toEqual([new URL(baseUrl).host]);
		await context.close();
	});

	it('the coordinator finds the application in the inbox and takes it into review; the office pages pass axe', async () => {
		const { context } = await recordingContext(browser);
		const page = await context.newPage();
		await logIn(page, baseUrl, COORDINATOR);
		await page.goto(`${baseUrl}/de/office/committees/applications?call=${callId}`);
		const entry = page.locator('li.box', { hasText: APPLICANT });
		expect(await entry.innerText()).toContain('Я хочу допомагати родинам з України.');
		expect(await entry.innerText()).toContain('olena.testova@post.example');
		await expectAccessible(page);
		await entry.locator('select[name=status]').selectOption('in_review');
		await clickAndLoad(page, `li.box:has-text("${APPLICANT}") button:text("Status ändern")`);
		expect(await page.locator('[role=status]').innerText()).toBe('Der Status ist geändert.');
		expect(await page.locator('li.box', { hasText: APPLICANT }).innerText()).toContain(
			'in Prüfung'
		);
		await page.goto(`${baseUrl}/en/office/committees/applications`);
		expect(await page.locator('h1').innerText()).toBe('Applications');
		await expectAccessible(page);

		// The calls' own pages, and a new call sent empty: its messages stand at their inputs.
		for (const locale of ['de', 'en']) {
			const calls = `${baseUrl}/${locale}/office/committees/calls`;
			for (const path of ['', `/${callId}`, `/${callId}/translations`, '/new']) {
				await page.goto(`${calls}${path}`);
				await expectAccessible(page);
			}
			await clickAndLoad(page, 'form.call-form button[type=submit]');
			expect(await page.locator('#committeeId').getAttribute('aria-invalid')).toBe('true');
			await expectAccessible(page);
		}
		expect(await page.locator('#deadline-error').innerText()).toBe('Please enter a date.');
		await context.close();
	});

	it('the public pages fit a 360 px wide screen in Arabic without sideways scrolling', async () => {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		const page = await context.newPage();
		for (const path of ['/ar/mitmachen', `/ar/mitmachen/${slug}`]) {
			await page.goto(`${baseUrl}${path}`);
			expect([path, await page.evaluate(() => document.documentElement.scrollWidth)], path).toEqual(
				[path, 360]
			);
		}
		await context.close();
	});

	it('the public pages pass axe in German, English and Arabic, the form with its messages too', async () => {
		const { context } = await recordingContext(browser);
		const page = await context.newPage();
		for (const locale of ['de', 'en', 'ar']) {
			await page.goto(`${baseUrl}/${locale}/mitmachen`);
			await expectAccessible(page);
			await page.goto(`${baseUrl}/${locale}/mitmachen/${slug}`);
			await expectAccessible(page);
		}
		await send(page);
		expect(await page.locator('#name-error').innerText()).toBe('يرجى كتابة اسمكم.');
		await expectAccessible(page);
		await page.goto(`${baseUrl}/ar/mitmachen/${slug}/danke`);
		await expectAccessible(page);
		await context.close();
	});
});
