import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDistrict } from '../support/demo.js';
import { e2eApp } from '../support/e2e-app.js';
import { createTestAccount } from '../factories/account.factory.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { createTestNetwork } from '../factories/network.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { downloadedBytes, launchBrowser, recordingContext } from '../support/browser.js';
import { clickAndLoad as click, expectAccessible, logIn } from '../support/office.js';

const baseUrl = e2eApp().baseUrl;
const COORDINATOR = { email: 'carla.contacts@kitz.example', password: 'Carlas lange Passphrase' };
const PARTNER = { email: 'pedro.partner@verein.example', password: 'Pedros sichere Passphrase' };
const NAME = 'Jörg Müller-Şahin';
const FORMER = 'Ehemalige Teilnehmerin / ehemaliger Teilnehmer';
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const district = await demoDistrict(database.db);
		await createTestAccount(database.db, {
			districtId: district.id,
			email: COORDINATOR.email,
			name: 'Carla Contacts',
			role: 'coordinator',
			password: COORDINATOR.password
		});
		// A partner whose organisation shares one network with two demo people.
		const organisationId = await createOrganisation(database.db, {
			districtId: district.id,
			name: 'Nachbarschaftshilfe Kontakte e.V.'
		});
		await createTestAccount(database.db, {
			districtId: district.id,
			email: PARTNER.email,
			name: 'Pedro Partner',
			role: 'partner_editor',
			organisationIds: [organisationId],
			password: PARTNER.password
		});
		const person = async (email: string) =>
			(
				await database.db
					.selectFrom('contacts')
					.select('id')
					.where('email', '=', email)
					.executeTakeFirstOrThrow()
			).id;
		await createTestNetwork(database.db, {
			districtId: district.id,
			actionFields: ['work'],
			members: [
				{ organisationId },
				{ contactId: await person('maren.petersen@vhs-kappeln.example') },
				{ contactId: await person('sabine.lorenzen@jobcenter-slfl.example') }
			]
		});
	} finally {
		await database.close();
	}
});
afterAll(async () => {
	await browser.close();
});

/** The cards of a downloaded .vcf, parsed back with ical.js. */
async function downloadCards(page: Page, action: () => Promise<unknown>) {
	const [download] = await Promise.all([page.waitForEvent('download'), action()]);
	const text = (await downloadedBytes(download)).toString('utf8');
	const parsed = ICAL.parse(text) as unknown[];
	const cards = (typeof parsed[0] === 'string' ? [parsed] : parsed) as never[];
	return {
		filename: download.suggestedFilename(),
		names: cards.map((card) => new ICAL.Component(card).getFirstPropertyValue('fn')),
		text
	};
}

describe('a coordinator keeps the contact directory', () => {
	it('creates a person, records consent, exports vCard and GDPR data, and erases them', async () => {
		const { context, consoleErrors } = await recordingContext(browser);
		const page = await context.newPage();
		await logIn(page, baseUrl, COORDINATOR);

		// The directory with the demo people; search is shareable and ignores accents.
		await click(page, 'nav.office-nav a[href$="/office/contacts"]');
		expect(await page.locator('table.directory').innerText()).toContain('Maren Petersen');
		await expectAccessible(page);
		await page.fill('#q', 'yildiz');
		await click(page, 'form.directory-filters button[type=submit]');
		expect(page.url()).toContain('q=yildiz');
		const rows = page.locator('table.directory tbody tr');
		expect(await rows.count()).toBe(1);
		expect(await rows.first().innerText()).toContain('Ayşe Yıldız');
		await expectAccessible(page);

		// A form with mistakes keeps what was typed and names each problem.
		await page.goto(`${baseUrl}/de/office/contacts`);
		await click(page, `a[href$="/office/contacts/new"]`);
		await expectAccessible(page);
		await page.fill('#name', NAME);
		await page.fill('#roleTitle', 'Integrationslotse; Ehrenamt, Kappeln');
		await page.fill('#email', 'joerg-at-example');
		await page.fill('#phone', '04642 12 34');
		await page.check('input[name=languages][value=tr]');
		await page.check('input[name=actionFields][value=work]');
		await click(page, 'form.contact-form button[type=submit]');
		const alert = await page.locator('[role=alert]').innerText();
		expect(alert).toContain('Bitte eine E-Mail-Adresse wie name@beispiel.de eingeben.');
		expect(await page.inputValue('#name')).toBe(NAME);
		expect(await page.inputValue('#email')).toBe('joerg-at-example');
		expect(await page.isChecked('input[name=languages][value=tr]')).toBe(true);
		expect(await page.getAttribute('#email', 'aria-invalid')).toBe('true');
		await expectAccessible(page);
		await page.fill('#email', 'joerg.mueller-sahin@kappeln.example');
		await click(page, 'form.contact-form button[type=submit]');
		expect(page.url()).toMatch(/\/office\/contacts\/\d+\?created=1/);
		expect(await page.locator('h1').innerText()).toBe(NAME);
		await expectAccessible(page);
		const personUrl = page.url().replace(/\?.*$/, '');

		// Consent: a missing answer is named, then recorded.
		await page.selectOption('#purposeId', {
			label: 'Netzwerkarbeit: Einladungen, Protokolle, Aufgaben'
		});
		await click(page, 'form[action="?/consent"] button[type=submit]');
		expect(await page.locator('[role=alert]').innerText()).toContain(
			'Bitte wählen, wie die Einwilligung erteilt wurde.'
		);
		await expectAccessible(page);
		await page.check('input[name=source][value=written]');
		await click(page, 'form[action="?/consent"] button[type=submit]');
		expect(await page.locator('[role=status]').innerText()).toContain('Einwilligung wurde erfasst');
		expect(await page.locator('#consents table').innerText()).toContain('schriftlich');
		await expectAccessible(page);

		// The person's vCard, and one file for a selection on the list.
		const card = await downloadCards(page, () => page.click('a[href$="/contact.vcf"]'));
		expect(card.names).toEqual([NAME]);
		expect(card.text).toContain('TITLE:Integrationslotse; Ehrenamt\\, Kappeln');
		expect(card.filename).toBe('jorg-muller-sahin.vcf');
		await page.goto(`${baseUrl}/de/office/contacts?language=tr`);
		const boxes = page.locator('table.directory input[type=checkbox]');
		for (let index = 0; index < (await boxes.count()); index++) await boxes.nth(index).check();
		const selection = await downloadCards(page, () =>
			page.click('button:has-text("vCard der Auswahl")')
		);
		expect(selection.names).toContain(NAME);
		expect(selection.names).toContain('Ayşe Yıldız');
		expect(selection.names.length).toBeGreaterThanOrEqual(2);

		// GDPR: the readable export and the JSON.
		await page.goto(`${personUrl}/data`);
		expect(await page.locator('h1').innerText()).toContain(NAME);
		expect(await page.locator('main').innerText()).toContain(
			'Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)'
		);
		await expectAccessible(page);
		const exported = await (await page.request.get(`${personUrl}/data.json`)).json();
		expect(exported.person.email).toBe('joerg.mueller-sahin@kappeln.example');
		expect(exported.consents).toHaveLength(1);
		expect(exported.auditEntries.map((entry: { action: string }) => entry.action)).toEqual([
			'contact.create',
			'contact.consent_record'
		]);

		// Erasure needs the explicit confirmation; afterwards only "former participant" is left.
		await page.goto(personUrl);
		await click(page, 'form[action="?/erase"] button[type=submit]');
		expect(await page.locator('[role=alert]').innerText()).toContain(
			'Bitte bestätigen Sie, dass die Person anonymisiert werden soll.'
		);
		await expectAccessible(page);
		await page.check('#confirm');
		await click(page, 'form[action="?/erase"] button[type=submit]');
		expect(await page.locator('h1').innerText()).toBe(FORMER);
		expect(await page.locator('main').innerText()).not.toContain('kappeln.example');
		await expectAccessible(page);
		await page.goto(`${baseUrl}/de/office/contacts?q=sahin`);
		expect(await page.locator('main').innerText()).toContain('Keine Personen gefunden.');
		const after = await (await page.request.get(`${personUrl}/data.json`)).json();
		expect(JSON.stringify(after)).not.toMatch(/Jörg|kappeln\.example/);

		await page.goto(`${baseUrl}/de/office/purposes`);
		expect(await page.locator('table.purposes').innerText()).toContain('network_work');
		await expectAccessible(page);
		// The three forms sent with mistakes answer 400 on purpose; nothing else may fail (CSP).
		expect(consoleErrors.filter((message) => !message.includes('status of 400'))).toEqual([]);
		await context.close();
	});

	it('shows a partner only fellow network members, with contact data only where they consented', async () => {
		const { context } = await recordingContext(browser);
		const page = await context.newPage();
		await page.goto(`${baseUrl}/de/login`);
		await page.fill('#email', PARTNER.email);
		await page.fill('#password', PARTNER.password);
		await click(page, 'form.box button[type=submit]');
		await page.goto(`${baseUrl}/de/office/contacts`);
		const table = await page.locator('table.directory').innerText();
		expect(table).toContain('Maren Petersen');
		expect(table).toContain('maren.petersen@vhs-kappeln.example');
		expect(table).toContain('Sabine Lorenzen');
		expect(table).not.toContain('sabine.lorenzen@jobcenter-slfl.example');
		expect(table).not.toContain('Ahmad Haddad');
		expect(await page.locator('a[href$="/office/contacts/new"]').count()).toBe(0);
		await expectAccessible(page);
		const sabine = await page
			.locator('table.directory a', { hasText: 'Sabine Lorenzen' })
			.getAttribute('href');
		await page.goto(`${baseUrl}${sabine}`);
		expect(await page.locator('main').innerText()).not.toContain('jobcenter-slfl.example');
		expect(await page.locator('#gdpr').count()).toBe(0);
		await expectAccessible(page);
		expect((await page.request.get(`${baseUrl}${sabine}/contact.vcf`)).status()).toBe(403);
		expect((await page.request.get(`${baseUrl}${sabine}/data.json`)).status()).toBe(403);
		await context.close();
	});

	it('keeps the district’s reports from a partner: no link, no page, no download', async () => {
		const { context } = await recordingContext(browser);
		const page = await context.newPage();
		await page.goto(`${baseUrl}/de/login`);
		await page.fill('#email', PARTNER.email);
		await page.fill('#password', PARTNER.password);
		await click(page, 'form.box button[type=submit]');
		expect(await page.locator('a[href$="/office/reports"]').count()).toBe(0);
		expect((await page.goto(`${baseUrl}/de/office/reports`))?.status()).toBe(403);
		const download = await page.request.get(`${baseUrl}/de/office/reports/2025/report.pdf`);
		expect(download.status()).toBe(403);
		await context.close();
	});
});
