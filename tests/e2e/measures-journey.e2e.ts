import mammoth from 'mammoth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { readXlsx } from '../../src/lib/shared/files/xlsx.js';
import { createTestAccount } from '../factories/account.factory.js';
import { createTestMeeting } from '../factories/meeting.factory.js';
import { createTestNetwork } from '../factories/network.factory.js';
import { downloadedBytes, launchBrowser, recordingContext } from '../support/browser.js';
import { pdfText } from '../support/documents.js';
import { clickAndLoad as click, expectAccessible, logIn } from '../support/office.js';
import { demoDistrict, demoOrganisation } from '../support/demo.js';

/**
 * Meeting → decision → measure → partner → report, as issue 10 tells it: a coordinator turns a
 * decision in a meeting's minutes into a measure and adds a milestone and a budget; a partner
 * editor of the lead organisation marks the milestone done and enters the reach; the coordinator
 * makes the year's report, whose DOCX, PDF and XLSX show the figures the report page shows.
 */
const baseUrl = e2eApp().baseUrl;
const COORDINATOR = {
	email: 'mira.massnahme@kitz.example',
	password: 'Miras Maßnahmen-Passphrase'
};
const PARTNER = { email: 'paul.partner@vhs.example', password: 'Pauls Partner-Passphrase' };
const DECISION = 'Das Netzwerk startet ein Elterncafé mit Sprachförderung in Kappeln.';
const TITLE = 'Das Netzwerk startet ein Elterncafé mit Sprachförderung in Kappeln.';
const MILESTONE = 'Räume und Kinderbetreuung geklärt';
// The report is the running year's: provisional, its figures live, so the journey shows in it.
const YEAR = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Berlin',
	year: 'numeric'
}).format(new Date());
let browser: Browser;
let meetingId = 0;

beforeAll(async () => {
	browser = await launchBrowser();
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const db = database.db;
		const district = await demoDistrict(db);
		const vhs = await demoOrganisation(db, 'Volkshochschule Kappeln');
		await createTestAccount(db, {
			districtId: district.id,
			email: COORDINATOR.email,
			name: 'Mira Maßnahme',
			role: 'coordinator',
			password: COORDINATOR.password
		});
		await createTestAccount(db, {
			districtId: district.id,
			email: PARTNER.email,
			name: 'Paul Partner',
			role: 'partner_editor',
			organisationIds: [vhs.id],
			password: PARTNER.password
		});
		const networkId = await createTestNetwork(db, {
			districtId: district.id,
			name: 'Netzwerk Elternbildung Schlei',
			actionFields: ['language'],
			members: [{ organisationId: vhs.id }]
		});
		meetingId = (
			await createTestMeeting(db, {
				networkId,
				title: 'Netzwerktreffen Elternbildung',
				startsAt: `${YEAR}-01-02T15:00`,
				endsAt: `${YEAR}-01-02T17:00`,
				agenda: ['Elterncafé']
			})
		).id;
	} finally {
		await database.close();
	}
});
afterAll(async () => {
	await browser.close();
});

/** The cells of the row of a report table that names the measure, as the page shows them. */
async function rowOf(page: Page, tableCaption: string): Promise<string[]> {
	const table = page.locator('table', { has: page.locator('caption', { hasText: tableCaption }) });
	const row = table.locator('tr', { hasText: TITLE });
	return (await row.locator('th, td').allInnerTexts()).map((text) => text.trim());
}

async function download(page: Page, selector: string): Promise<Buffer> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
	return downloadedBytes(file);
}

describe('a decision becomes a measure, a partner reports on it, the report shows it', () => {
	it('runs from the minutes to the DOCX, PDF and XLSX of the report', async () => {
		const coordinator = await recordingContext(browser);
		const page = await coordinator.context.newPage();
		await logIn(page, baseUrl, COORDINATOR);

		// The decision in the minutes, then "new measure" from it.
		await page.goto(`${baseUrl}/de/office/meetings/${meetingId}/minutes`);
		await page.fill('#decisionText', DECISION);
		await click(page, 'form[action="?/addDecision"] button[type=submit]');
		const decision = page.locator('details', { hasText: 'Neue Maßnahme' }).first();
		await decision.locator('summary').click();
		await click(page, 'a[href*="/office/measures/new?decision="]');
		expect(await page.inputValue('#title')).toBe(TITLE);
		await page.check('input[name=actionFields][value=language]');
		await page.selectOption('#leadOrganisationId', { label: 'Volkshochschule Kappeln' });
		await page.fill('#startsOn', `${YEAR}-01-15`);
		await page.fill('#endsOn', `${Number(YEAR) + 1}-06-30`);
		await page.selectOption('#status', 'running');
		await page.fill('#statusOn', `${YEAR}-01-15`);
		await click(page, 'form.measure-form button[type=submit]');
		expect(await page.locator('h1').innerText()).toBe(TITLE);
		expect(await page.locator('main').innerText()).toContain('Netzwerktreffen Elternbildung');
		const measureUrl = page.url().replace(/\?.*$/, '');

		await page.fill('#milestone-title', MILESTONE);
		await page.fill('#milestone-dueOn', `${Number(YEAR) + 1}-03-31`);
		await click(page, 'form[action="?/milestone"] button[type=submit]');
		await page.fill('#budget-year', YEAR);
		await page.fill('#budget-planned', '2.400');
		await page.fill('#budget-spent', '900,50');
		await click(page, 'form[action="?/budget"] button[type=submit]');
		expect(await page.locator('#milestones-heading + table').innerText()).toContain(MILESTONE);

		// The partner of the lead organisation marks the milestone done and enters the reach.
		const partner = await recordingContext(browser);
		const partnerPage = await partner.context.newPage();
		await logIn(partnerPage, baseUrl, PARTNER);
		await partnerPage.goto(measureUrl);
		await click(partnerPage, 'form[action="?/milestoneDone"] button[type=submit]');
		await partnerPage.fill('#reach-period', YEAR);
		await partnerPage.fill('#reach-participants', '23');
		await partnerPage.fill('#reach-women', '14');
		await partnerPage.fill('#reach-men', '9');
		await click(partnerPage, 'form[action="?/reach"] button[type=submit]');
		// Done: the milestone asks for no day any more.
		expect(await partnerPage.locator('input[name=doneOn][type=date]').count()).toBe(0);
		expect(partner.consoleErrors).toEqual([]);
		await partner.context.close();

		// The overview of the action field shows status, progress and light …
		await page.goto(`${baseUrl}/de/office/overview/language`);
		const overviewRow = page.locator('tr', { hasText: TITLE });
		const [status, progress, light] = (await overviewRow.locator('td').allInnerTexts())
			.slice(-3)
			.map((text) => text.trim());

		// … and the coordinator's report for the year the same, with the reach.
		await page.goto(`${baseUrl}/de/office/reports?period=${YEAR}`);
		await expectAccessible(page);
		const measureRow = await rowOf(page, 'Maßnahmen mit Fortschritt und Reichweite');
		expect(measureRow).toEqual([
			TITLE,
			'Volkshochschule Kappeln',
			expect.stringMatching(/^Läuft \(15\. Januar \d{4}\)$/),
			'100\u00a0%',
			'Grün',
			'23'
		]);
		expect([measureRow[2]!.split(' ')[0], measureRow[3], measureRow[4]]).toEqual([
			status,
			progress!.replace(' ', '\u00a0'),
			light
		]);
		const reachRow = await rowOf(page, 'Reichweite der Maßnahmen');
		expect(reachRow).toEqual([TITLE, 'Sprache', '23', '14', '9', '']);
		const budgetTable = page.locator('table', {
			has: page.locator('caption', { hasText: 'Budget je Fördermittelquelle' })
		});
		const budgetTotal = (await budgetTable.locator('tr').last().locator('th, td').allInnerTexts())
			.map((text) => text.trim())
			.join(' ');
		// The documents' text comes with plain spaces where the page has no-break ones.
		const flatten = (text: string) => text.replace(/\s+/g, ' ');
		const summary = flatten(await page.locator('dl.facts').innerText());
		// The district's total, with the demo's measures: German digits grouped by a full stop.
		const participants = /Teilnehmende an Maßnahmen ([\d.]+)/.exec(summary)![1]!;
		expect(Number(participants.replaceAll('.', ''))).toBeGreaterThanOrEqual(23);

		const docx = flatten(
			(await mammoth.extractRawText({ buffer: await download(page, 'a[href$="/report.docx"]') }))
				.value
		);
		const pdf = (await pdfText(await download(page, 'a[href$="/report.pdf"]'))).text;
		for (const text of [docx, pdf]) {
			expect(text).toContain(`KITZ-Bericht ${YEAR}`);
			expect(text).toContain(flatten(measureRow.join(' ')));
			expect(text).toContain(flatten(reachRow.slice(0, 5).join(' ')));
			expect(text).toContain(flatten(budgetTotal));
			expect(text).toContain(`Teilnehmende an Maßnahmen ${participants}`);
		}

		// The table's XLSX holds the same row, numbers as numbers.
		const xlsxUrl = `${baseUrl}/de/office/reports/${YEAR}/measures.xlsx`;
		const xlsx = await readXlsx(new Uint8Array(await (await page.request.get(xlsxUrl)).body()));
		expect(xlsx.find((row) => row[0] === TITLE)).toEqual([
			TITLE,
			'Volkshochschule Kappeln',
			measureRow[2],
			'100',
			'Grün',
			'23'
		]);
		expect(coordinator.consoleErrors).toEqual([]);
		await coordinator.context.close();
	}, 120_000);
});
