import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { createTestAccount } from '../factories/account.factory.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import {
	currentConceptVersion,
	createConceptVersion
} from '../../src/lib/server/measures/concept.service.js';
import { createGoal, goalsOfVersion } from '../../src/lib/server/measures/goals.service.js';
import { createIndicator, recordValue } from '../../src/lib/server/measures/indicators.service.js';
import { addMilestone } from '../../src/lib/server/measures/measure-parts.service.js';
import { createMeasure } from '../../src/lib/server/measures/measures.service.js';
import { launchBrowser, recordingContext } from '../support/browser.js';
import { expectAccessible, logIn } from '../support/office.js';
import { demoDistrict } from '../support/demo.js';

const baseUrl = e2eApp().baseUrl;
const ADMIN = { email: 'alex.axe@kitz.example', password: 'Alex lange Passphrase' };
const ids = {
	offer: 0,
	organisation: 0,
	contact: 0,
	purpose: 0,
	network: 0,
	meeting: 0,
	measure: 0
};
let browser: Browser;
let page: Page;

beforeAll(async () => {
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const db = database.db;
		const first = async (
			table:
				'offers' | 'organisations' | 'contacts' | 'networks' | 'meetings' | 'processingPurposes'
		) => (await db.selectFrom(table).select('id').orderBy('id').executeTakeFirstOrThrow()).id;
		ids.offer = await first('offers');
		ids.organisation = await first('organisations');
		ids.contact = await first('contacts');
		ids.purpose = await first('processingPurposes');
		ids.network = await first('networks');
		ids.meeting = await first('meetings');
		const district = await demoDistrict(db);
		const admin = await createTestAccount(db, {
			districtId: district.id,
			email: ADMIN.email,
			name: 'Alex Axe',
			role: 'administrator',
			password: ADMIN.password
		});
		// A public measure with an overdue milestone, so its page shows every part, the red light
		// and the portal translations too.
		const actor = {
			id: admin.id,
			role: 'administrator' as const,
			districtId: district.id,
			organisationIds: []
		};
		// A goal with an indicator and values, so the overview shows its matrix and a line chart.
		// The demo's concept when it has one (values within its years), else one made here.
		if (!(await currentConceptVersion(db, district.id)))
			await createConceptVersion(db, actor, {
				title: 'Wir sind Vielfalt',
				adoptedOn: '2025-01-01',
				periodFrom: 2025,
				periodTo: 2029,
				documentUrl: ''
			});
		const {
			id: version,
			periodFrom: firstYear,
			periodTo: lastYear
		} = (await currentConceptVersion(db, district.id))!;
		const language = (await goalsOfVersion(db, actor, version)).find(
			(field) => field.actionField === 'language'
		)!;
		const goal =
			language.guiding?.id ??
			(await createGoal(db, actor, version, {
				actionField: 'language',
				parentId: null,
				text: 'Alle erreichen das Sprachniveau, das sie brauchen.'
			}));
		const indicator = await createIndicator(db, actor, goal, {
			name: 'Teilnehmende an Sprachkursen',
			unit: 'Personen',
			direction: 'higher',
			periodKind: 'year',
			baselineValue: '120',
			baselineOn: `${firstYear}-01-01`,
			targetValue: '200',
			targetYear: String(lastYear),
			computation: null,
			computationParameter: null
		});
		for (const [offset, value] of ['134', '151'].entries())
			await recordValue(db, actor, indicator, { period: String(firstYear + offset), value });
		ids.measure = await createMeasure(
			db,
			actor,
			{
				title: 'Sprachcafé für Frauen',
				description: '',
				actionFields: ['language'],
				goalIds: [goal],
				leadOrganisationId: ids.organisation,
				partnerOrganisationIds: [],
				responsibleContactId: null,
				startsOn: '2026-01-01',
				endsOn: null,
				progressMode: 'milestones',
				isPublic: true,
				links: [],
				decisionId: null
			},
			{ status: 'running', statusOn: '2026-01-01', reason: '' }
		);
		await addMilestone(db, actor, ids.measure, {
			title: 'Räume',
			dueOn: '2026-02-01',
			decisionId: null
		});
	} finally {
		await database.close();
	}
	browser = await launchBrowser();
	page = await (await recordingContext(browser)).context.newPage();
	await logIn(page, baseUrl, ADMIN);
});
afterAll(async () => {
	await browser?.close();
});

// Every page of the back office an administrator can open, with the demo's first records.
const PAGES = [
	'',
	'/offers',
	'/offers?state=submitted',
	'/offers/new',
	'/offers/{offer}',
	'/offers/{offer}/history',
	'/organisations',
	'/organisations/new',
	'/organisations/{organisation}',
	'/organisations/{organisation}/contacts',
	'/contacts',
	'/contacts/new',
	'/contacts/{contact}',
	'/contacts/{contact}/data',
	'/purposes',
	'/purposes/{purpose}',
	'/networks',
	'/networks/new',
	'/networks/{network}',
	'/networks/{network}/edit',
	'/networks/{network}/meetings/new',
	'/meetings/{meeting}',
	'/meetings/{meeting}/attendance',
	'/meetings/{meeting}/minutes',
	'/board',
	'/measures',
	'/measures/new',
	'/measures/{measure}',
	'/measures/{measure}/edit',
	'/funding-sources',
	'/overview',
	'/overview/language',
	'/pages/kitz',
	'/dashboard',
	'/reports',
	'/stale',
	'/import',
	'/export',
	'/invite',
	'/audit',
	'/mail'
];

describe('every back-office page is accessible (axe, WCAG 2.1 AA)', () => {
	it.each(PAGES)('/de/office%s', async (pattern) => {
		const path = `/de/office${pattern.replace(/\{(\w+)\}/, (_, key: keyof typeof ids) => String(ids[key]))}`;
		const response = await page.goto(`${baseUrl}${path}`);
		expect(response?.status(), path).toBe(200);
		await expectAccessible(page);
	});

	it('is accessible in English too', async () => {
		for (const path of [
			'/en/office',
			`/en/office/offers/${ids.offer}`,
			`/en/office/meetings/${ids.meeting}/minutes`,
			'/en/office/reports?period=2025-H2',
			'/en/office/measures',
			'/en/office/measures/new',
			`/en/office/measures/${ids.measure}`,
			`/en/office/measures/${ids.measure}/edit`,
			'/en/office/funding-sources',
			'/en/office/overview',
			'/en/office/overview/language'
		]) {
			expect((await page.goto(`${baseUrl}${path}`))?.status(), path).toBe(200);
			expect(await page.locator('html').getAttribute('lang')).toBe('en');
			await expectAccessible(page);
		}
	});
});
