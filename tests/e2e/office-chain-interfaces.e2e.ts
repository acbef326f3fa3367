import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { getChain, listChains } from '../../src/lib/server/chains/chains.service.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { berlinToday } from '../../src/lib/shared/time/berlin-clock.js';
import { addDays } from '../../src/lib/shared/time/wall-clock.js';
import { createTestAccount, factoryEditor } from '../factories/account.factory.js';
import { createTestChain } from '../factories/chain.factory.js';
import { createTestMeeting } from '../factories/meeting.factory.js';
import { createTestNetwork } from '../factories/network.factory.js';
import { launchBrowser, recordingContext } from '../support/browser.js';
import { clickAndLoad as click, expectAccessible, logIn } from '../support/office.js';
import { demoDistrict, demoOrganisation } from '../support/demo.js';

/**
 * Issue 11's interfaces: a partner reports friction at a transition from their log-in; the
 * coordinator sees it on the chain's interfaces, records a review in a meeting held yesterday,
 * finds the hand-over hakt, and the review's decision becomes a task on the planning board.
 * The chain is made here through the services, as the demo's chains may not exist.
 */
const baseUrl = e2eApp().baseUrl;
const COORDINATOR = { email: 'kira.kette@kitz.example', password: 'Kiras Ketten-Passphrase' };
/** A second coordinator: a log-in enrolled once cannot log in again without its second factor. */
const BORDER_COORDINATOR = {
	email: 'gerd.grenze@kitz.example',
	password: 'Gerds Grenz-Passphrase'
};
const PARTNER = { email: 'piet.reibung@vhs.example', password: 'Piets Reibungs-Passphrase' };
const CHAIN = 'Sprache bis Arbeit (Schnittstellen-Test)';
const FRICTION = 'Zuweisungen vom Jobcenter kommen ohne Sprachstand an.';
const DECISION = 'Der Verweisbogen wird mit dem Jobcenter abgestimmt.';
const TASK = 'Verweisbogen entwerfen';
const MEETING = 'Netzwerktreffen Übergänge';
const ids = { district: 0, chain: 0, transition: 0, meeting: 0, demoChain: 0, acrossTheBorder: 0 };
const IQ_FLENSBURG = 'IQ Netzwerk Schleswig-Holstein – Anerkennungsberatung Flensburg';
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const db = database.db;
		const district = await demoDistrict(db);
		ids.district = district.id;
		const vhs = await demoOrganisation(db, 'Volkshochschule Kappeln');
		await createTestAccount(db, {
			districtId: district.id,
			email: COORDINATOR.email,
			name: 'Kira Kette',
			role: 'coordinator',
			password: COORDINATOR.password
		});
		await createTestAccount(db, {
			districtId: district.id,
			email: BORDER_COORDINATOR.email,
			name: 'Gerd Grenze',
			role: 'coordinator',
			password: BORDER_COORDINATOR.password
		});
		await createTestAccount(db, {
			districtId: district.id,
			email: PARTNER.email,
			name: 'Piet Reibung',
			role: 'partner_editor',
			organisationIds: [vhs.id],
			password: PARTNER.password
		});
		const chain = await createTestChain(db, {
			districtId: district.id,
			title: CHAIN,
			publicTitle: 'Ihr Weg zur Arbeit (Test)',
			stages: [
				{ key: 'Erstorientierung', rules: { actionFields: ['culture_values'] } },
				{ key: 'Integrationskurs', follows: ['Erstorientierung'] }
			]
		});
		ids.chain = chain.chainId;
		const editor = await factoryEditor(db, district.id);
		ids.transition = (await getChain(db, editor, ids.chain)).transitions[0]!.id;
		// The demo's language chain hands over to the recognition counselling in Flensburg.
		const demo = (await listChains(db, editor)).find((c) => c.title === 'Sprache bis Arbeit')!;
		ids.demoChain = demo.id;
		ids.acrossTheBorder = (await getChain(db, editor, demo.id)).transitions.find(
			(t) => t.toOrganisationName === IQ_FLENSBURG
		)!.id;
		const networkId = await createTestNetwork(db, {
			districtId: district.id,
			name: 'Netzwerk Übergänge Sprache–Arbeit',
			members: [{ organisationId: vhs.id }]
		});
		const yesterday = addDays(berlinToday(), -1);
		ids.meeting = (
			await createTestMeeting(db, {
				networkId,
				title: MEETING,
				startsAt: `${yesterday}T10:00`,
				endsAt: `${yesterday}T12:00`
			})
		).id;
	} finally {
		await database.close();
	}
});
afterAll(async () => {
	await browser.close();
});

describe('interfaces of a support chain: friction, review, decision → task', () => {
	it('carries a partner’s friction report to a review whose decision lands on the board', async () => {
		const chainUrl = `${baseUrl}/de/office/chains/${ids.chain}`;
		const transitionUrl = `${chainUrl}/transitions/${ids.transition}`;

		// The partner reports friction; an empty report is refused at its field.
		const partner = await recordingContext(browser);
		const partnerPage = await partner.context.newPage();
		await logIn(partnerPage, baseUrl, PARTNER);
		await partnerPage.goto(transitionUrl);
		await expectAccessible(partnerPage);
		expect(await partnerPage.locator('#referral').count()).toBe(0);
		await click(partnerPage, 'form[action="?/report"] button[type=submit]');
		expect(await partnerPage.locator('#friction-body-error').innerText()).toBe(
			'Bitte füllen Sie dieses Feld aus.'
		);
		await expectAccessible(partnerPage);
		await partnerPage.fill('#friction-body', FRICTION);
		await partnerPage.fill('#friction-waitingWeeks', '6');
		await click(partnerPage, 'form[action="?/report"] button[type=submit]');
		expect(await partnerPage.locator('[role=status]').innerText()).toContain('Danke');
		expect(await partnerPage.locator('#friction').innerText()).toContain(FRICTION);
		// The refused empty report answered 400, as every refused form does.
		expect(partner.consoleErrors.filter((text) => !text.includes('status of 400'))).toEqual([]);
		await partner.context.close();

		// The coordinator sees the open report on the chain's interfaces and at the transition.
		const coordinator = await recordingContext(browser);
		const page = await coordinator.context.newPage();
		await logIn(page, baseUrl, COORDINATOR);
		await page.goto(`${chainUrl}/interfaces`);
		const row = page.locator('tr', { hasText: 'Erstorientierung → Integrationskurs' });
		expect(await row.innerText()).toContain('1 offen von 1');
		expect(await row.innerText()).toContain('noch nie überprüft');
		await click(page, `a[href$="/transitions/${ids.transition}"]`);
		expect(await page.locator('#friction').innerText()).toContain('Volkshochschule Kappeln');
		expect(await page.locator('#friction').innerText()).toContain(FRICTION);
		expect(await page.locator('label[for=confirm]').innerText()).toContain(
			'Reibungsmeldungen dazu (Anzahl: 1)'
		);

		// A review in yesterday's meeting: the hand-over hakt, and a decision becomes a task.
		await page.goto(`${chainUrl}/reviews/new`);
		await page.selectOption('#meetingId', String(ids.meeting));
		await page.fill('#summary', 'Übergänge mit dem Netzwerk durchgesehen.');
		await click(page, 'form.box button[type=submit]');
		expect(await page.locator('h1').innerText()).toContain(CHAIN);
		await page.fill(`#transition-${ids.transition}`, 'Zuweisungen ohne Sprachstand.');
		await page.selectOption(`#transition-${ids.transition}-state`, 'friction');
		await click(page, 'form[action="?/save"] button[type=submit]');
		await page.fill('#decisionText', DECISION);
		await click(page, 'form[action="?/decision"] button[type=submit]');
		const decision = page.locator('li', { hasText: DECISION });
		await decision.locator('summary').click();
		await decision.locator('input[name=title]').fill(TASK);
		await decision.locator('select[name=owner]').selectOption({ label: 'Volkshochschule Kappeln' });
		await decision.locator('input[name=dueOn]').fill(addDays(berlinToday(), 30));
		await click(page, 'form[action="?/task"] button[type=submit]');
		expect(await page.locator('#decisions').innerText()).toContain(TASK);
		const reviewUrl = page.url().replace(/[?#].*$/, '');

		await page.goto(`${baseUrl}/de/office/board`);
		expect(await page.locator('main').innerText()).toContain(TASK);
		await page.goto(`${baseUrl}/de/office/meetings/${ids.meeting}/minutes`);
		expect(await page.locator('#decisions').innerText()).toContain(DECISION);

		await page.goto(`${chainUrl}/interfaces`);
		expect(await row.innerText()).toContain('hakt');
		expect(await row.innerText()).not.toContain('noch nie überprüft');

		// Axe on every page of the interfaces, in German and English.
		for (const locale of ['de', 'en']) {
			const local = (url: string) => url.replace(`${baseUrl}/de/`, `${baseUrl}/${locale}/`);
			for (const url of [
				`${chainUrl}/interfaces`,
				transitionUrl,
				`${chainUrl}/reviews/new`,
				reviewUrl
			]) {
				await page.goto(local(url));
				expect(await page.locator('h1').count()).toBe(1);
				await expectAccessible(page);
			}
		}
		expect(coordinator.consoleErrors).toEqual([]);
		await coordinator.context.close();
	}, 120_000);
	it('keeps a hand-over’s organisation across the district border when the form is saved', async () => {
		const { context, consoleErrors } = await recordingContext(browser);
		const page = await context.newPage();
		await logIn(page, baseUrl, BORDER_COORDINATOR);
		const url = `${baseUrl}/de/office/chains/${ids.demoChain}/transitions/${ids.acrossTheBorder}`;
		await page.goto(url);
		const chosen = page.locator('#toOrganisationId option:checked');
		expect(await chosen.innerText()).toBe(IQ_FLENSBURG);
		expect(await chosen.evaluate((option) => option.closest('optgroup')?.label)).toBe('Flensburg');
		await expectAccessible(page);
		await click(page, 'form[action="?/handOver"] button[type=submit]');
		expect(await page.locator('[role=status]').innerText()).toBe('Die Übergabe ist gespeichert.');
		expect(await chosen.innerText()).toBe(IQ_FLENSBURG);
		const database = openDatabase(e2eApp().databaseUrl);
		try {
			const editor = await factoryEditor(database.db, ids.district);
			const transition = (await getChain(database.db, editor, ids.demoChain)).transitions.find(
				(t) => t.id === ids.acrossTheBorder
			);
			expect(transition?.toOrganisationName).toBe(IQ_FLENSBURG);
		} finally {
			await database.close();
		}
		expect(consoleErrors).toEqual([]);
		await context.close();
	}, 60_000);
});
